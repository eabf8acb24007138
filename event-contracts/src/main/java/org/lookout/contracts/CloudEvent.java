package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope (ARCHITECTURE §9). {@code id} is what consumers de-duplicate on; {@code subject} is the
 * aggregate id; {@code data} is the payload as JSON, which carries references and never personal data.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id. */
    public static CloudEvent of(String source, EventType type, String subject, Instant time, Object payload) {
        return new CloudEvent(UUID.randomUUID().toString(), source, type.type(), subject, time, EventJson.toTree(payload));
    }

    /** An event in the structured JSON form of CloudEvents (as the golden samples are written). */
    public static CloudEvent fromStructured(JsonNode envelope) {
        return new CloudEvent(envelope.path("id").asText(), envelope.path("source").asText(), envelope.path("type").asText(),
                envelope.hasNonNull("subject") ? envelope.get("subject").asText() : null,
                Instant.parse(envelope.path("time").asText()), envelope.get("data"));
    }

    public <T> T dataAs(Class<T> payloadType) {
        return EventJson.fromTree(data, payloadType);
    }
}
