package org.lookout.escalation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.messaging.incoming.ComplaintEventsConsumer;
import org.lookout.testsupport.GoldenEvents;

/** The golden {@code lookout.complaint.submitted.v1} sample as the reports this service's tests need. */
public final class GoldenComplaintEvents {

    private GoldenComplaintEvents() {
    }

    /** The sample as a new report: fresh event id and report id, everything else as in the golden file. */
    public static CloudEvent submitted() {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED);
    }

    /** The sample as a new report of {@code community}, received at {@code receivedAt}. */
    public static CloudEvent submitted(String community, Instant receivedAt) {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("communityCode", community)
                .put("receivedAt", receivedAt.toString()));
    }

    /** Another event of the same report, with its own id. */
    public static CloudEvent sameReport(CloudEvent earlier) {
        return GoldenEvents.sameReport(earlier, data -> {
        });
    }

    /**
     * The golden lifecycle sample of {@code type} (e.g. {@code responded}) as an event of the report {@code submitted}
     * announced: its report id, tracking number, item, category, community and confidentiality; changed (and sent) at
     * {@code changedAt}. Fresh event id.
     */
    public static CloudEvent lifecycle(EventType type, CloudEvent submitted, Instant changedAt) {
        CloudEvent sample = GoldenEvents.fresh(type, data -> {
            for (String field : new String[] { "reportId", "trackingNumber", "itemCode", "categoryCode",
                    "communityCode", "confidential" }) {
                data.set(field, submitted.data().get(field));
            }
            data.put("changedAt", changedAt.toString());
        });
        return new CloudEvent(sample.id(), sample.source(), sample.type(), submitted.subject(), changedAt,
                sample.data());
    }

    public static String reportId(CloudEvent event) {
        return GoldenEvents.reportId(event);
    }

    public static RecordMetadata send(CloudEvent event) {
        return GoldenEvents.send(event);
    }

    /** Sends the events in order (one report's stay in order on its partition) and waits until all are applied. */
    public static void applied(CloudEvent... events) {
        List.of(events).forEach(GoldenComplaintEvents::send);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> List.of(events).stream()
                .allMatch(event -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, event.id())));
    }
}
