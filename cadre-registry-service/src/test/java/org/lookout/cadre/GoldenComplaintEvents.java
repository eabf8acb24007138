package org.lookout.cadre;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
    public static final String CADRE_CONDUCT = "cadre-conduct";

    private GoldenComplaintEvents() {
    }

    /** The sample (a corridor-lighting report) as a new report: fresh event id, report id and tracking number. */
    public static CloudEvent submitted() {
        JsonNode envelope = EventJson.readResource(SUBMITTED.sampleResource());
        ObjectNode data = ((ObjectNode) envelope.get("data")).deepCopy();
        String reportId = UUID.randomUUID().toString();
        data.put("reportId", reportId);
        data.put("trackingNumber", "DCY-2026-%06d".formatted(ThreadLocalRandom.current().nextInt(1, 1_000_000)));
        return new CloudEvent(UUID.randomUUID().toString(), envelope.get("source").asText(),
                envelope.get("type").asText(), reportId, Instant.parse(envelope.get("time").asText()), data);
    }

    /** A new report about an official's conduct, as complaint-service files it: confidential. */
    public static CloudEvent submittedAboutAnOfficial() {
        CloudEvent event = submitted();
        ObjectNode data = (ObjectNode) event.data();
        data.put("itemCode", CADRE_CONDUCT);
        data.put("categoryCode", "ENFORCEMENT");
        data.put("confidential", true);
        return event;
    }

    public static String reportId(CloudEvent event) {
        return event.subject();
    }

    /** Sends the event as complaint-service's relay does: CloudEvents headers, keyed by report id. */
    public static void send(CloudEvent event) {
        TopicProbe.send(SUBMITTED.topic(), event.subject(), CloudEventKafka.headers(event), EventJson.write(event.data()));
    }
}
