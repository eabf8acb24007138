package org.lookout.complaint.lifecycle;

import java.time.Instant;
import java.util.UUID;

import org.lookout.complaint.domain.Report;

/**
 * A report as its readers see it. The filer's identity is not part of it, nor the staff member it is assigned to (only
 * the unit). The due times come from escalation-service ({@code dueProvisional}: one counted days of a year without a
 * holiday notice); {@code responseInTime} and {@code resolutionInTime} are false once the clock breached, true when met
 * without a breach, null while it runs. {@code dueAt} is what a worklist sorts by: the earliest due time of a clock not
 * met yet. {@code firstContactAt} and {@code onSiteAt} say how it was responded to; {@code satisfied} and
 * {@code ratedBy} (REPORTER or FOLLOW_UP) the rating of the last resolution; {@code actionId} the action (集中办理) it
 * is worked in.
 */
public record ReportView(UUID id, String trackingNumber, String status, String itemCode, String categoryCode,
        String communityCode, String title, String description, String channel, boolean anonymous, boolean confidential,
        LocationView location, Instant occurredAt, Instant receivedAt, Instant awaitingReporterSince,
        Instant responseDueAt, Instant responseBreachedAt, Boolean responseInTime, Instant resolutionDueAt,
        Instant resolutionBreachedAt, Boolean resolutionInTime, boolean dueProvisional, String escalationOutcome,
        Instant dueAt, String assigneeUnit, Instant firstContactAt, Instant onSiteAt, Boolean satisfied, String ratedBy,
        UUID actionId) {

    public record LocationView(String address, String building, Double latitude, Double longitude) {
    }

    public static ReportView of(Report report) {
        return new ReportView(report.id, report.trackingNumber, report.status.name(), report.itemCode, report.categoryCode,
                report.communityCode, report.title, report.description, report.channel.name(), report.anonymous,
                report.confidential, new LocationView(report.address, report.building, report.latitude, report.longitude),
                report.occurredAt, report.receivedAt, report.awaitingReporterSince, report.responseDueAt,
                report.responseBreachedAt, inTime(report.respondedAt, report.responseBreachedAt),
                report.resolutionDueAt, report.resolutionBreachedAt,
                inTime(report.resolvedAt, report.resolutionBreachedAt), report.dueProvisional,
                report.escalationOutcome, report.dueAt(), name(report.assigneeUnit), report.firstContactAt,
                report.onSiteAt, report.satisfied, name(report.ratedBy), report.actionId);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Boolean inTime(Instant met, Instant breached) {
        return breached != null ? Boolean.FALSE : met != null ? Boolean.TRUE : null;
    }
}
