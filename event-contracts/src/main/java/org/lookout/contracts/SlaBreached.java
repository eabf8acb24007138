package org.lookout.contracts;

import java.time.Instant;
import java.util.UUID;

/** An SLA clock ran out ({@code lookout.escalation.sla-breached.v1}); the street supervisor takes the report up. */
public record SlaBreached(UUID reportId, ClockKind clockKind, String communityCode, String streetCode, String itemCode,
        boolean confidential, int workingDays, Instant startedAt, Instant dueAt, boolean provisional, Instant breachedAt) {
}
