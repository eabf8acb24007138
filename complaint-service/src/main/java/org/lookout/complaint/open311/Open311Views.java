package org.lookout.complaint.open311;

import static org.lookout.complaint.open311.Open311Document.group;
import static org.lookout.complaint.open311.Open311Document.repeated;
import static org.lookout.complaint.open311.Open311Document.value;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import org.lookout.complaint.domain.Category;
import org.lookout.complaint.domain.ItemQuestion;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.open311.Open311Document.Node;
import org.lookout.complaint.open311.Open311Repository.RequestRow;
import org.lookout.complaint.open311.Open311Repository.UpdateRow;
import org.lookout.contracts.Channel;

/**
 * The documents of GeoReport v2 and its {@code servicerequestupdates} extension, element by element in the spec's
 * order: discovery, services, a service definition, requests, the answer to a POST, a token, updates, errors. Times in
 * the W3C form with the service's offset ({@code 2026-02-13T16:00:00+08:00}), to the second.
 */
final class Open311Views {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** The role a history records for a report filed through Open311. */
    static final String FILED_BY = "open311";

    private final ZoneId zone;

    Open311Views(ZoneId zone) {
        this.zone = zone;
    }

    /** The endpoint list with the production and the test endpoint, each in both formats. */
    Open311Document discovery(Instant changed, String contact, String keyService, URI production, URI test) {
        String changeset = time(changed);
        List<Node> endpoints = List.of(endpoint(production, changeset, "production"),
                endpoint(test, changeset, "test"));
        return Open311Document.of(group("discovery", value("changeset", changeset), value("contact", contact),
                value("key_service", keyService), repeated("endpoints", "endpoint", endpoints)));
    }

    private static Node endpoint(URI url, String changeset, String type) {
        return group("endpoint", value("specification", SPECIFICATION), value("url", url.toString()),
                value("changeset", changeset), value("type", type), repeated("formats", "format",
                        List.of(value("format", Open311Format.XML.mediaType()),
                                value("format", Open311Format.JSON.mediaType()))));
    }

    Open311Document services(List<TaxonomyItem> offered, List<Category> categories, Language language) {
        return Open311Document.of(repeated("services", "service", offered.stream().map(item -> {
            Category category = categories.stream().filter(c -> c.code.equals(item.categoryCode)).findFirst()
                    .orElseThrow();
            String categoryName = language.pick(category.nameZh, category.nameEn);
            String name = language.pick(item.nameZh, item.nameEn);
            return (Node) group("service", value("service_code", item.code), value("service_name", name),
                    value("description", language.pick(categoryName + "类：" + name + "。", categoryName + ": " + name
                            + ". ") + notice(item, language)),
                    value("metadata", !item.questions.isEmpty()), value("type", "realtime"),
                    value("keywords", String.join(", ", item.code, item.nameZh, item.nameEn, category.nameZh,
                            category.nameEn)),
                    value("group", categoryName));
        }).toList()));
    }

    Open311Document definition(TaxonomyItem item, Language language) {
        List<ItemQuestion> questions = item.questions;
        return Open311Document.of(group("service_definition", value("service_code", item.code),
                repeated("attributes", "attribute", IntStream.range(0, questions.size()).mapToObj(i -> {
                    ItemQuestion question = questions.get(i);
                    return (Node) group("attribute", value("variable", true), value("code", question.code()),
                            value("datatype", question.datatype().wireName()), value("required", question.required()),
                            value("datatype_description", language.pick(question.hintZh(), question.hintEn())),
                            value("order", i + 1), value("description", language.pick(question.promptZh(),
                                    question.promptEn())),
                            repeated("values", "value", question.options().stream().map(option -> (Node) group("value",
                                    value("key", option.key()), value("name", language.pick(option.nameZh(),
                                            option.nameEn())))).toList()));
                }).toList())));
    }

    Open311Document requests(List<RequestRow> rows, List<TaxonomyItem> items, Language language) {
        return Open311Document.of(repeated("service_requests", "request", rows.stream().map(row -> {
            TaxonomyItem item = items.stream().filter(i -> i.code.equals(row.itemCode())).findFirst().orElseThrow();
            Open311Status status = Open311Status.of(row.status());
            boolean filedHere = Channel.OPEN311.name().equals(row.channel());
            return (Node) group("request", value("service_request_id", row.trackingNumber()),
                    value("status", status.wire()), value("status_notes", row.statusNotes()),
                    value("service_name", language.pick(item.nameZh, item.nameEn)), value("service_code", item.code),
                    // a report of another channel was told to the community, not published: its words stay there
                    value("description", filedHere ? row.description() : null),
                    value("agency_responsible", row.escalationAgency() != null ? row.escalationAgency()
                            : language.pick(row.communityNameZh(), row.communityNameEn())),
                    value("service_notice", notice(item, language)),
                    value("requested_datetime", time(row.receivedAt())),
                    value("updated_datetime", time(row.updatedAt() == null ? row.receivedAt() : row.updatedAt())),
                    value("expected_datetime", status == Open311Status.OPEN ? time(row.resolutionDueAt()) : null),
                    value("address", row.address()), value("address_id", row.addressId()), value("zipcode", null),
                    value("lat", row.latitude()), value("long", row.longitude()), value("media_url", row.mediaUrl()));
        }).toList()));
    }

    Open311Document created(String trackingNumber, String serviceNotice, String accountId) {
        return Open311Document.of(repeated("service_requests", "request", List.of(group("request",
                value("service_request_id", trackingNumber), value("service_notice", serviceNotice),
                value("account_id", accountId)))));
    }

    Open311Document token(String trackingNumber, String token) {
        return Open311Document.of(repeated("service_requests", "request", List.of(group("request",
                value("service_request_id", trackingNumber), value("token", token)))));
    }

    Open311Document updates(List<UpdateRow> rows, Language language) {
        return Open311Document.of(repeated("service_request_updates", "request_update", rows.stream()
                .map(row -> (Node) group("request_update", value("update_id", Long.toString(row.id())),
                        value("service_request_id", row.trackingNumber()),
                        value("status", Open311Status.of(row.status()).wire()),
                        value("updated_datetime", time(row.listedAt())),
                        value("description", row.note() ? row.text() : Open311Status.describe(row.status(), language)),
                        value("media_url", null),
                        value("external_status_code", row.status().name())))
                .toList()));
    }

    static Open311Document errors(int code, List<String> descriptions) {
        return Open311Document.of(repeated("errors", "error", descriptions.stream()
                .map(description -> (Node) group("error", value("code", code), value("description", description)))
                .toList()));
    }

    /** What the community will do: respond within one working day, resolve within the item's target. */
    static String notice(TaxonomyItem item, Language language) {
        String notice = language.pick("社区将在一个工作日内上门或联系反映人，" + item.resolutionDays + "个工作日内办结。",
                "The community goes on site or contacts the reporter within one working day and resolves the report"
                        + " within " + item.resolutionDays + " working day" + (item.resolutionDays == 1 ? "" : "s") + ".");
        return item.escalatesImmediately ? notice + language.pick("此类问题将立即转交主管部门处理。",
                " Reports of this kind are referred to the competent agencies at once.") : notice;
    }

    String time(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
