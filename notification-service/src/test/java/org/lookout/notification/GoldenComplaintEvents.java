package org.lookout.notification;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The golden {@code lookout.complaint.submitted.v1} sample of event-contracts, with fresh ids, sent to the real topic. */
public final class GoldenComplaintEvents {

    public static final EventType SUBMITTED = EventType.COMPLAINT_SUBMITTED;

    private GoldenComplaintEvents() {
    }

    /** The sample as a new report: fresh event id, report id and tracking number, filed by {@code reporterSubject}. */
    public static CloudEvent submittedBy(String pseudonymKey, String reporterSubject) {
        CloudEvent sample = sample();
        ObjectNode data = fresh(sample);
        data.put("reporterRef", ReporterPseudonym.of(pseudonymKey, reporterSubject));
        return withData(sample, data);
    }

    /** The sample as a new anonymous report: there is no {@code reporterRef} at all. */
    public static CloudEvent submittedAnonymously() {
        CloudEvent sample = sample();
        ObjectNode data = fresh(sample);
        data.put("anonymous", true);
        data.remove("reporterRef");
        return withData(sample, data);
    }

    /**
     * An event with the key of {@code earlier}'s report (same partition, so it is read after {@code earlier}), filed by
     * {@code reporterSubject}'s account.
     */
    public static CloudEvent sameReport(CloudEvent earlier, String pseudonymKey, String reporterSubject) {
        ObjectNode data = ((ObjectNode) earlier.data()).deepCopy();
        data.put("anonymous", false);
        data.put("reporterRef", ReporterPseudonym.of(pseudonymKey, reporterSubject));
        data.put("trackingNumber", trackingNumber());
        return new CloudEvent(UUID.randomUUID().toString(), earlier.source(), earlier.type(), earlier.subject(),
                earlier.time(), data);
    }

    public static String trackingNumber(CloudEvent event) {
        return event.data().get("trackingNumber").asText();
    }

    public static String reportId(CloudEvent event) {
        return event.subject();
    }

    /** Sends the event as complaint-service's relay does: CloudEvents headers, keyed by report id. */
    public static void send(CloudEvent event) {
        TopicProbe.send(SUBMITTED.topic(), event.subject(), CloudEventKafka.headers(event), EventJson.write(event.data()));
    }

    private static CloudEvent sample() {
        JsonNode envelope = EventJson.readResource(SUBMITTED.sampleResource());
        return new CloudEvent(envelope.get("id").asText(), envelope.get("source").asText(), envelope.get("type").asText(),
                envelope.get("subject").asText(), Instant.parse(envelope.get("time").asText()),
                envelope.get("data"));
    }

    private static ObjectNode fresh(CloudEvent sample) {
        ObjectNode data = ((ObjectNode) sample.data()).deepCopy();
        data.put("reportId", UUID.randomUUID().toString());
        data.put("trackingNumber", trackingNumber());
        return data;
    }

    private static CloudEvent withData(CloudEvent sample, ObjectNode data) {
        return new CloudEvent(UUID.randomUUID().toString(), sample.source(), sample.type(), data.get("reportId").asText(),
                sample.time(), data);
    }

    private static String trackingNumber() {
        return "DCY-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1, 1_000_000));
    }
}
