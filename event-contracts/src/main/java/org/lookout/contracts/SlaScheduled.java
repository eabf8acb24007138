package org.lookout.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock has a (new) due time ({@code lookout.escalation.sla-scheduled.v1}): it was started, restarted after a
 * reopening, or resumed after waiting for the reporter. complaint-service stores the due time so that a report shows
 * it; {@code reason} says which. References only.
 */
public record SlaScheduled(UUID reportId, ClockKind clockKind, String communityCode, String streetCode, String itemCode,
        boolean confidential, int workingDays, Instant startedAt, Instant dueAt, boolean provisional, ScheduleReason reason) {
}
