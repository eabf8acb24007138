package org.lookout.complaint.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.Report;
import org.lookout.contracts.Channel;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.ReportState;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/** The report events of this service, written to the outbox inside the caller's transaction. */
@ApplicationScoped
public class ComplaintEvents {

    private final Outbox outbox;
    private final ComplaintConfig config;

    ComplaintEvents(Outbox outbox, ComplaintConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Void> submitted(Report report) {
        ComplaintSubmitted payload = new ComplaintSubmitted(report.id, report.trackingNumber, report.itemCode,
                report.categoryCode, report.communityCode, Channel.valueOf(report.channel.name()), report.confidential, report.anonymous,
                report.filedByRef, report.receivedAt);
        return publish(report, EventType.COMPLAINT_SUBMITTED, payload, report.receivedAt);
    }

    /**
     * A lifecycle change; the type-specific references are read from the report as the change left it. The reporter's
     * pseudonym is the one intake stored (the same as {@code submitted} carried), never one of an anonymous report.
     */
    public Uni<Void> statusChanged(EventType type, Report report, ReportStatus from, Instant at) {
        ComplaintStatusChanged payload = ComplaintStatusChanged.of(report.id, report.trackingNumber, report.itemCode,
                report.categoryCode, report.communityCode, report.confidential, ReportState.valueOf(from.name()),
                ReportState.valueOf(report.status.name()), at)
                .withReporterRef(report.anonymous ? null : report.filedByRef);
        payload = switch (type) {
            case COMPLAINT_REJECTED -> payload.withRejection(report.rejectReason.name(), report.duplicateOf);
            case COMPLAINT_ASSIGNED -> payload.withAssignee(report.assigneeUnit.name());
            case COMPLAINT_RATED -> payload.withRating(report.satisfied);
            case COMPLAINT_CLOSED -> payload.withResolvable(report.status == ReportStatus.CLOSED);
            default -> payload;
        };
        return publish(report, type, payload, at);
    }

    private Uni<Void> publish(Report report, EventType type, Object payload, Instant at) {
        String key = report.id.toString();
        return outbox.append(type.topic(), key, CloudEvent.of(config.eventSource(), type, key, at, payload));
    }
}
