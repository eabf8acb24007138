package org.lookout.escalation;

import java.time.Instant;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
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
}
