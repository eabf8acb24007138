package org.lookout.escalation.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a clock is in its life, as one table: RUNNING from receipt (or a reopening), PAUSED while staff wait for the
 * reporter, STOPPED by the report's response or resolution, CANCELLED when the report is rejected or closed first,
 * BREACHED by the sweep, RUNNING again when the street returns the report to the community with a new deadline (督办,
 * issue 13). A move the table does not name leaves the clock as it is: a clock hears of facts that already happened at
 * complaint-service, and one that does not apply to its state is not an error. A reopening is no move of the table: it
 * starts the clock afresh from any state (§5, {@link SlaClock#restart}).
 */
public enum ClockState {
    RUNNING, PAUSED, STOPPED, BREACHED, CANCELLED;

    private static final Map<ClockState, Set<ClockState>> ALLOWED = new EnumMap<>(ClockState.class);

    static {
        allow(RUNNING, PAUSED, STOPPED, BREACHED, CANCELLED);
        allow(PAUSED, RUNNING, STOPPED, CANCELLED);
        // a breached clock keeps its breach (it was published); when the work was done is still recorded on it, and it
        // runs again, breach on record, to the new deadline the street gives the community (督办)
        allow(BREACHED, RUNNING);
        allow(STOPPED);
        allow(CANCELLED);
    }

    private static void allow(ClockState from, ClockState... to) {
        ALLOWED.put(from, to.length == 0 ? EnumSet.noneOf(ClockState.class) : EnumSet.of(to[0], to));
    }

    public Set<ClockState> next() {
        return Collections.unmodifiableSet(ALLOWED.get(this));
    }

    public boolean canMoveTo(ClockState target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Only a running clock counts working time: it alone warns and breaches (the sweep's queries say the same). */
    public boolean counts() {
        return this == RUNNING;
    }

    /** Nothing follows but a reopening (STOPPED, CANCELLED). */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }
}
