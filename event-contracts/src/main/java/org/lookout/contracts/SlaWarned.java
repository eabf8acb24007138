package org.lookout.contracts;

import java.time.Instant;
import java.util.UUID;

/** 75 % of an SLA clock's working time has passed ({@code lookout.escalation.sla-warned.v1}). References only. */
public record SlaWarned(UUID reportId, ClockKind clockKind, String communityCode, String streetCode, String itemCode,
        boolean confidential, int workingDays, Instant startedAt, Instant dueAt, boolean provisional, Instant warnedAt) {
}
