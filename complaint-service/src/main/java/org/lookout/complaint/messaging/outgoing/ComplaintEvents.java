package org.lookout.complaint.messaging.outgoing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.AssigneeUnit;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReportState;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.contracts.ResponseKind;
import org.lookout.contracts.SealedReporterRef;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The report events of this service ({@code lookout.complaint.v1}, keyed by report id), written to the outbox inside
 * the caller's transaction. The one place where the report's domain values become the contract's wire values.
 *
 * <p>The reporter: on an ordinary report the pseudonym intake stored ({@code reporterRef}, the same on every event); on
 * a confidential one (about an official) never that, but {@code sealedReporterRef}, sealed afresh for every event under
 * the notification-delivery key, so the topic links no two reports — nor two events — to one person; on an anonymous
 * report nothing.
 */
@ApplicationScoped
public class ComplaintEvents {

    private final Outbox outbox;
    private final ComplaintConfig config;
    private final SealedReporterRef sealing;

    ComplaintEvents(Outbox outbox, ComplaintConfig config) {
        this.outbox = outbox;
        this.config = config;
        this.sealing = SealedReporterRef.withKey(config.deliveryKey());
    }

    /**
     * The {@code submitted} event of a report intake is about to store. Intake writes it to the outbox itself, in the
     * one statement that stores the report and draws its tracking number ({@code intake.IntakeRepository}): the row is
     * the one {@link Outbox#publish} would write, its number filled in by that statement.
     */
    public CloudEvent submittedEvent(Report report) {
        ComplaintSubmitted payload = new ComplaintSubmitted(report.id, report.trackingNumber, report.itemCode,
                report.categoryCode, report.communityCode, report.channel, report.confidential, report.anonymous,
                openReporterRef(report), report.receivedAt, sealedReporterRef(report));
        return CloudEvent.of(outbox.source(), EventType.COMPLAINT_SUBMITTED, report.id.toString(), report.receivedAt,
                payload);
    }

    /** A lifecycle change; the type-specific references are read from the report as the change left it. */
    public Uni<Void> statusChanged(EventType type, Report report, ReportStatus from, Instant at) {
        ComplaintStatusChanged payload = ComplaintStatusChanged.of(report.id, report.trackingNumber, report.itemCode,
                report.categoryCode, report.communityCode, report.confidential, state(from), state(report.status), at)
                .withReporterRef(openReporterRef(report))
                .withSealedReporterRef(sealedReporterRef(report));
        payload = switch (type) {
            case COMPLAINT_REJECTED -> payload.withRejection(report.rejectReason.name(), report.duplicateOf);
            case COMPLAINT_ASSIGNED -> payload.withAssignee(report.assigneeUnit.name())
                    .withAssigneeRef(report.assigneeUnit == AssigneeUnit.STAFF && report.assigneeStaff != null
                            ? ReporterPseudonym.of(config.pseudonymKey(), report.assigneeStaff) : null);
            case COMPLAINT_RESPONDED -> report.responseKind == null ? payload
                    : payload.withResponseKind(ResponseKind.valueOf(report.responseKind.name()));
            case COMPLAINT_RATED -> payload.withRating(report.satisfied);
            case COMPLAINT_CLOSED -> payload.withResolvable(report.status == ReportStatus.CLOSED);
            default -> payload;
        };
        return outbox.publish(type, report.id.toString(), at, payload);
    }

    /** The stable pseudonym, for an ordinary report filed by an account. */
    private static String openReporterRef(Report report) {
        return report.anonymous || report.confidential ? null : report.filedByRef;
    }

    /** A fresh sealed reference, for a confidential report filed by an account. */
    private String sealedReporterRef(Report report) {
        return report.anonymous || !report.confidential || report.filedByRef == null ? null
                : sealing.seal(report.id, report.filedByRef);
    }

    private static ReportState state(ReportStatus status) {
        return ReportState.valueOf(status.name());
    }
}
