package org.lookout.escalation.clock;

import java.time.Instant;
import java.util.UUID;

import org.lookout.escalation.domain.SlaClock;

/** A clock as its readers see it. */
public record ClockView(UUID reportId, String kind, int workingDays, Instant startedAt, Instant warnAt, Instant dueAt,
        boolean provisional, String state, Instant warnedAt, Instant breachedAt, Instant stoppedAt, Boolean met,
        Instant pausedAt) {

    static ClockView of(SlaClock clock) {
        return new ClockView(clock.reportId, clock.kind.name(), clock.workingDays, clock.startedAt, clock.warnAt,
                clock.dueAt, clock.provisional, clock.state.name(), clock.warnedAt, clock.breachedAt, clock.stoppedAt,
                clock.met, clock.pausedAt);
    }
}
