package org.lookout.complaint.open311;

import org.lookout.complaint.domain.ReportStatus;

/**
 * A report's life (ARCHITECTURE §5) as Open311's two statuses. {@code closed} once the community has a result or an end
 * (resolved, closed, closed as not resolvable, rejected); {@code open} while it is being handled, waits for an agency,
 * or was reopened by a dissatisfied reporter. Each change also has the public words of the update feed.
 */
public enum Open311Status {
    OPEN, CLOSED;

    public static Open311Status of(ReportStatus status) {
        return switch (status) {
            case RECEIVED, ACCEPTED, ASSIGNED, RESPONDED, ESCALATED, REOPENED -> OPEN;
            case RESOLVED, CLOSED, CLOSED_UNRESOLVABLE, REJECTED -> CLOSED;
        };
    }

    /** As on the wire: {@code open}, {@code closed}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What a move into {@code status} means to the public (never a staff note: those may name people). */
    public static String describe(ReportStatus status, Language language) {
        return switch (status) {
            case RECEIVED -> language.pick("已收到", "Received");
            case ACCEPTED -> language.pick("社区已受理", "Accepted by the community");
            case ASSIGNED -> language.pick("已派单办理", "Assigned for handling");
            case RESPONDED -> language.pick("工作人员已上门或联系反映人", "Staff went on site or contacted the reporter");
            case ESCALATED -> language.pick("已转交主管部门办理", "Referred to the competent agency");
            case RESOLVED -> language.pick("已办结，待反映人评价", "Resolved; the reporter is asked whether they are satisfied");
            case CLOSED -> language.pick("已结案", "Closed");
            case CLOSED_UNRESOLVABLE -> language.pick("已结案：社区无法解决", "Closed: the community cannot resolve it");
            case REJECTED -> language.pick("不予受理", "Not taken on");
            case REOPENED -> language.pick("反映人不满意，重新办理", "Reopened: the reporter was not satisfied");
        };
    }
}
