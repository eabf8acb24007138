package org.lookout.testsupport;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The golden samples of event-contracts, replayed by consumer tests onto the real topic: each use gets a fresh event id
 * and a report of its own, so tests never see each other's events.
 */
public final class GoldenEvents {

    private GoldenEvents() {
    }

    /** The golden sample of {@code type} as the first event of a new report (fresh event id, report id, tracking number). */
    public static CloudEvent fresh(EventType type) {
        return fresh(type, data -> {
        });
    }

    /** The same, with its data edited. */
    public static CloudEvent fresh(EventType type, Consumer<ObjectNode> edit) {
        return about(type, UUID.randomUUID().toString(), data -> {
            if (data.has("trackingNumber")) {
                data.put("trackingNumber", newTrackingNumber());
            }
            edit.accept(data);
        });
    }

    /**
     * The golden sample of {@code type} about an existing report (e.g. one filed through the API): fresh event id,
     * {@code reportId} as subject, key and {@code data.reportId}, the data edited.
     */
    public static CloudEvent about(EventType type, String reportId, Consumer<ObjectNode> edit) {
        CloudEvent sample = CloudEvent.fromStructured(EventJson.readResource(type.sampleResource()));
        ObjectNode data = sample.data().deepCopy();
        data.put("reportId", reportId);
        edit.accept(data);
        return new CloudEvent(UUID.randomUUID().toString(), sample.source(), sample.type(), reportId, sample.time(), data);
    }

    /** Another event of the same report, with its own id: same key and partition, so it is read after {@code earlier}. */
    public static CloudEvent sameReport(CloudEvent earlier, Consumer<ObjectNode> edit) {
        ObjectNode data = earlier.data().deepCopy();
        edit.accept(data);
        return new CloudEvent(UUID.randomUUID().toString(), earlier.source(), earlier.type(), earlier.subject(),
                earlier.time(), data);
    }

    /** A tracking number of the demo community, random enough that tests do not collide. */
    public static String newTrackingNumber() {
        return "DCY-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1, 1_000_000));
    }

    public static String reportId(CloudEvent event) {
        return event.subject();
    }

    public static String trackingNumber(CloudEvent event) {
        return event.data().path("trackingNumber").asText();
    }

    /**
     * Sends the event as the outbox relay does: to its aggregate's topic, keyed by the report id, with CloudEvents
     * headers. A type the contract does not know yet (a consumer test's "future" event) goes to the topic its name
     * says: {@code lookout.<aggregate>.<what>.v<n>} to {@code lookout.<aggregate>.v1}.
     */
    public static RecordMetadata send(CloudEvent event) {
        String topic = EventType.of(event.type()).map(EventType::topic)
                .orElseGet(() -> "lookout." + event.type().split("\\.")[1] + ".v1");
        return TopicProbe.send(topic, reportId(event), CloudEventKafka.headers(event), EventJson.write(event.data()));
    }
}
