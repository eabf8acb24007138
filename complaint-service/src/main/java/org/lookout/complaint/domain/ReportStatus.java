package org.lookout.complaint.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a report (ARCHITECTURE §5) as one table: a state and the states it may move to. Anything not in the
 * table is an illegal transition, answered 409 naming the allowed ones.
 */
public enum ReportStatus {
    RECEIVED, ACCEPTED, ASSIGNED, RESPONDED, RESOLVED, CLOSED, CLOSED_UNRESOLVABLE, REJECTED, ESCALATED, REOPENED;

    private static final Map<ReportStatus, Set<ReportStatus>> ALLOWED = new EnumMap<>(ReportStatus.class);

    /** Where staff may wait for the reporter: the report is being handled and its SLA clocks run. */
    private static final Set<ReportStatus> WAITING_ALLOWED = EnumSet.of(ACCEPTED, ASSIGNED, RESPONDED, REOPENED,
            ESCALATED);

    static {
        allow(RECEIVED, ACCEPTED, REJECTED, ESCALATED);
        allow(ACCEPTED, ASSIGNED, RESPONDED, ESCALATED, REJECTED);
        allow(ASSIGNED, RESPONDED, ESCALATED, ASSIGNED);
        allow(RESPONDED, RESOLVED, ESCALATED, CLOSED_UNRESOLVABLE);
        // back from the agency: its outcome (RESPONDED: not resolvable, RESOLVED), or returned to the community
        allow(ESCALATED, RESPONDED, RESOLVED, ASSIGNED);
        allow(RESOLVED, CLOSED, REOPENED);
        allow(REOPENED, ASSIGNED, ESCALATED);
        allow(CLOSED);
        allow(CLOSED_UNRESOLVABLE);
        allow(REJECTED);
    }

    private static void allow(ReportStatus from, ReportStatus... to) {
        ALLOWED.put(from, to.length == 0 ? EnumSet.noneOf(ReportStatus.class) : EnumSet.of(to[0], to));
    }

    public Set<ReportStatus> next() {
        return Collections.unmodifiableSet(ALLOWED.get(this));
    }

    public boolean canMoveTo(ReportStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public boolean allowsWaitingForReporter() {
        return WAITING_ALLOWED.contains(this);
    }

    /** Not yet resolved, closed or rejected: the report still waits for a result (it may leave an action). */
    public boolean isBeforeResolution() {
        return !isFinal() && this != RESOLVED;
    }

    /** An end state: nothing follows, the clocks stop for good. */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }
}
