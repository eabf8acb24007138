package org.lookout.notification.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.lookout.notification.domain.CommunityCopy;
import org.lookout.notification.domain.ItemCopy;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.ReportFacts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values a template may use, per language, from one event and what this service knows around it (the report's
 * facts, the copies of its item and community). Every name is always present — an absent fact is an empty text — so a
 * template renders or fails the same way for every event of its type (strict rendering).
 */
public final class TemplateValues {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TemplateValues() {
    }

    /**
     * @param data the event's data
     * @param agency the agency the notification is for (agency audiences), else null
     */
    public static Map<Language, Map<String, Object>> of(JsonNode data, ReportFacts facts, ItemCopy item,
            CommunityCopy community, String agency, String reportLink, String rateLink, ZoneId zone) {
        Map<Language, Map<String, Object>> values = new EnumMap<>(Language.class);
        String reportId = text(data, "reportId", facts == null ? "" : String.valueOf(facts.reportId));
        String itemCode = text(data, "itemCode", facts == null ? "" : facts.itemCode);
        String communityCode = text(data, "communityCode", facts == null ? "" : facts.communityCode);
        for (Language language : Language.values()) {
            boolean en = language == Language.EN;
            Map<String, Object> map = new HashMap<>();
            // a report whose tracking number this service has not seen is named by its id
            map.put("reference", text(data, "trackingNumber", facts == null ? reportId : facts.trackingNumber));
            map.put("reportId", reportId);
            map.put("item", name(item == null ? null : en ? item.nameEn : item.nameZh, itemCode));
            map.put("community", name(community == null ? null : en ? community.nameEn : community.nameZh, communityCode));
            map.put("reason", text(data, "rejectReason", ""));
            map.put("responseKind", text(data, "responseKind", ""));
            map.put("clock", text(data, "clockKind", ""));
            map.put("dueAt", when(text(data, "dueAt", ""), zone));
            map.put("agency", agency == null ? text(data, "agencyCode", text(data, "leadAgencyCode", "")) : agency);
            map.put("trigger", text(data, "trigger", ""));
            map.put("outcome", text(data, "outcome", ""));
            map.put("returnReason", text(data, "returnReason", ""));
            map.put("reportLink", reportId.isEmpty() ? "" : reportLink.replace("{reportId}", reportId));
            map.put("rateLink", reportId.isEmpty() ? "" : rateLink.replace("{reportId}", reportId));
            values.put(language, map);
        }
        return values;
    }

    private static String when(String instant, ZoneId zone) {
        if (instant.isEmpty()) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(instant).atZone(zone));
        } catch (RuntimeException notAnInstant) {
            return instant;
        }
    }

    private static String name(String name, String code) {
        return name == null || name.isBlank() ? code : name;
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText()
                : fallback == null ? "" : fallback;
    }
}
