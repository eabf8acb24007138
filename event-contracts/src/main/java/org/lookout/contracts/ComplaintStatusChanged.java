package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A report moved from one status to another ({@code lookout.complaint.<accepted|rejected|...>.v1}). One record for
 * the whole lifecycle: each type has its own schema and golden sample naming which of the type-specific references
 * ({@code rejectReason}, {@code duplicateOf}, {@code assigneeUnit}, {@code satisfied}, {@code resolvable}) it
 * carries; the others are absent. References only: no name, phone, note text or reporter identity; the reporter appears,
 * if at all, as the keyed pseudonym {@code reporterRef} of {@link ReporterPseudonym} (optional, added in v1), or on a
 * confidential report only as {@code sealedReporterRef} ({@link SealedReporterRef}). Optional, added in v1 for
 * notification-service: {@code assigneeRef} on {@code assigned} (the pseudonym of the staff member's account when a staff
 * member was assigned) and {@code responseKind} on {@code responded}.
 */
public record ComplaintStatusChanged(
        UUID reportId,
        String trackingNumber,
        String itemCode,
        String categoryCode,
        String communityCode,
        boolean confidential,
        ReportState fromStatus,
        ReportState toStatus,
        Instant changedAt,
        String rejectReason,
        UUID duplicateOf,
        String assigneeUnit,
        Boolean satisfied,
        Boolean resolvable,
        String reporterRef,
        String assigneeRef,
        ResponseKind responseKind,
        String sealedReporterRef) {

    /** The required fields of every lifecycle schema: a record without them is malformed, for producer and consumer alike. */
    public ComplaintStatusChanged {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(fromStatus, "fromStatus");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A change without type-specific references (accepted, responded, resolved, reopened). */
    public static ComplaintStatusChanged of(UUID reportId, String trackingNumber, String itemCode, String categoryCode,
            String communityCode, boolean confidential, ReportState fromStatus, ReportState toStatus, Instant changedAt) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, null, null, null, null, null, null, null, null, null);
    }

    public ComplaintStatusChanged withRejection(String reason, UUID duplicateOf) {
        Objects.requireNonNull(reason, "rejectReason");
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, reason, duplicateOf, assigneeUnit, satisfied, resolvable, reporterRef,
                assigneeRef, responseKind, sealedReporterRef);
    }

    public ComplaintStatusChanged withAssignee(String unit) {
        Objects.requireNonNull(unit, "assigneeUnit");
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, unit, satisfied, resolvable, reporterRef,
                assigneeRef, responseKind, sealedReporterRef);
    }

    public ComplaintStatusChanged withRating(boolean satisfiedWithHandling) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, assigneeUnit, satisfiedWithHandling, resolvable, reporterRef,
                assigneeRef, responseKind, sealedReporterRef);
    }

    public ComplaintStatusChanged withResolvable(boolean wasResolvable) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, assigneeUnit, satisfied, wasResolvable, reporterRef,
                assigneeRef, responseKind, sealedReporterRef);
    }

    /** The reporter's keyed pseudonym, so that notification-service can reach the reporter's inbox; null for anonymous reports. */
    public ComplaintStatusChanged withReporterRef(String ref) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, assigneeUnit, satisfied, resolvable, ref,
                assigneeRef, responseKind, sealedReporterRef);
    }

    /** The pseudonym of the assigned staff member's account (on {@code assigned} with unit STAFF), so their inbox is found. */
    public ComplaintStatusChanged withAssigneeRef(String ref) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, assigneeUnit, satisfied, resolvable, reporterRef,
                ref, responseKind, sealedReporterRef);
    }

    /** How the report was responded to (on {@code responded}). */
    public ComplaintStatusChanged withResponseKind(ResponseKind kind) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, assigneeUnit, satisfied, resolvable, reporterRef,
                assigneeRef, kind, sealedReporterRef);
    }

    /** A confidential report's reporter, sealed for notification-service ({@link SealedReporterRef}); no {@code reporterRef} beside it. */
    public ComplaintStatusChanged withSealedReporterRef(String sealed) {
        return new ComplaintStatusChanged(reportId, trackingNumber, itemCode, categoryCode, communityCode, confidential,
                fromStatus, toStatus, changedAt, rejectReason, duplicateOf, assigneeUnit, satisfied, resolvable, reporterRef,
                assigneeRef, responseKind, sealed);
    }
}
