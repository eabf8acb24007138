package org.lookout.notification.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of a webhook, in Standard Webhooks' recommended shape: {@code type} ({@code notification.<kind>}),
 * {@code timestamp} (when the event happened), {@code data}: the notification's kind, title and body in the
 * recipient's language, the report and its tracking number, and whom it is for — a person by their subject (for the
 * mobile app's backend to push to their phone), an agency by its code, the residents of a community. Built once, on
 * the first attempt, and sent unchanged on every retry (it is what is signed).
 */
public final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {
    }

    /** Whom a webhook is for. */
    public record For(String type, String value) {

        public static For person(String subject) {
            return new For("person", subject);
        }

        public static For agency(String code) {
            return new For("agency", code);
        }

        public static For residents(String community) {
            return new For("community-residents", community);
        }
    }

    public static String body(UUID notificationId, String eventId, String eventType, String kind, Instant at,
            For recipient, Language language, Message message, UUID reportId, String reference) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", recipient.type());
        target.put(switch (recipient.type()) {
            case "person" -> "subject";
            case "agency" -> "agency";
            default -> "community";
        }, recipient.value());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", notificationId.toString());
        data.put("eventId", eventId);
        data.put("eventType", eventType);
        data.put("kind", kind);
        data.put("recipient", target);
        data.put("language", language.tag());
        data.put("title", message.title(language));
        data.put("body", message.body(language));
        data.put("reportId", reportId == null ? null : reportId.toString());
        data.put("reference", reference);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "notification." + kind.toLowerCase(Locale.ROOT));
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body could not be written", e);
        }
    }
}
