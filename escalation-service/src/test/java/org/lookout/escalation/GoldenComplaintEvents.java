package org.lookout.escalation;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The golden {@code lookout.complaint.submitted.v1} sample of event-contracts, with fresh ids, sent to the real topic. */
public final class GoldenComplaintEvents {

    public static final EventType SUBMITTED = EventType.COMPLAINT_SUBMITTED;

    private GoldenComplaintEvents() {
    }

    /** The sample as a new report: fresh event id and report id, everything else as in the golden file. */
    public static CloudEvent submitted() {
        ObjectNode data = ((ObjectNode) sample().data()).deepCopy();
        data.put("reportId", UUID.randomUUID().toString());
        return withData(sample(), data);
    }

    /** The sample as a new report of {@code community}, received at {@code receivedAt}. */
    public static CloudEvent submitted(String community, Instant receivedAt) {
        CloudEvent fresh = submitted();
        ObjectNode data = ((ObjectNode) fresh.data()).deepCopy();
        data.put("communityCode", community);
        data.put("receivedAt", receivedAt.toString());
        return withData(fresh, data);
    }

    /** Another event of the same report, with its own id: same key and partition, so it is read after {@code earlier}. */
    public static CloudEvent sameReport(CloudEvent earlier) {
        return new CloudEvent(UUID.randomUUID().toString(), earlier.source(), earlier.type(), earlier.subject(),
                earlier.time(), earlier.data().deepCopy());
    }

    public static String reportId(CloudEvent event) {
        return event.subject();
    }

    /** Sends the event as complaint-service's relay does: CloudEvents headers, keyed by report id. */
    public static RecordMetadata send(CloudEvent event) {
        return TopicProbe.send(SUBMITTED.topic(), event.subject(), CloudEventKafka.headers(event),
                EventJson.write(event.data()));
    }

    private static CloudEvent sample() {
        JsonNode envelope = EventJson.readResource(SUBMITTED.sampleResource());
        return new CloudEvent(envelope.get("id").asText(), envelope.get("source").asText(), envelope.get("type").asText(),
                envelope.get("subject").asText(), Instant.parse(envelope.get("time").asText()), envelope.get("data"));
    }

    private static CloudEvent withData(CloudEvent sample, ObjectNode data) {
        return new CloudEvent(UUID.randomUUID().toString(), sample.source(), sample.type(), data.get("reportId").asText(),
                sample.time(), data);
    }
}
