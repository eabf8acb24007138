package org.lookout.escalation.calendar;

import java.time.Instant;

import org.lookout.escalation.domain.Deadline;

public record DeadlineView(Instant from, int workingDays, Instant dueAt, boolean provisional) {

    static DeadlineView of(Deadline deadline) {
        return new DeadlineView(deadline.from(), deadline.workingDays(), deadline.dueAt(), deadline.provisional());
    }
}
