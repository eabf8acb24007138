package org.lookout.complaint.messaging.outgoing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReportState;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The report events of this service ({@code lookout.complaint.v1}, keyed by report id), written to the outbox inside
 * the caller's transaction. The one place where the report's domain values become the contract's wire values.
 */
@ApplicationScoped
public class ComplaintEvents {

    private final Outbox outbox;

    ComplaintEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> submitted(Report report) {
        ComplaintSubmitted payload = new ComplaintSubmitted(report.id, report.trackingNumber, report.itemCode,
                report.categoryCode, report.communityCode, report.channel, report.confidential, report.anonymous,
                report.filedByRef, report.receivedAt);
        return outbox.publish(EventType.COMPLAINT_SUBMITTED, report.id.toString(), report.receivedAt, payload);
    }

    /**
     * A lifecycle change; the type-specific references are read from the report as the change left it. The reporter's
     * pseudonym is the one intake stored (the same as {@code submitted} carried), never one of an anonymous report.
     */
    public Uni<Void> statusChanged(EventType type, Report report, ReportStatus from, Instant at) {
        ComplaintStatusChanged payload = ComplaintStatusChanged.of(report.id, report.trackingNumber, report.itemCode,
                report.categoryCode, report.communityCode, report.confidential, state(from), state(report.status), at)
                .withReporterRef(report.anonymous ? null : report.filedByRef);
        payload = switch (type) {
            case COMPLAINT_REJECTED -> payload.withRejection(report.rejectReason.name(), report.duplicateOf);
            case COMPLAINT_ASSIGNED -> payload.withAssignee(report.assigneeUnit.name());
            case COMPLAINT_RATED -> payload.withRating(report.satisfied);
            case COMPLAINT_CLOSED -> payload.withResolvable(report.status == ReportStatus.CLOSED);
            default -> payload;
        };
        return outbox.publish(type, report.id.toString(), at, payload);
    }

    private static ReportState state(ReportStatus status) {
        return ReportState.valueOf(status.name());
    }
}
