package org.lookout.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A report was escalated to one or more agencies ({@code lookout.escalation.opened.v1}), keyed by the report id. The
 * {@code trigger} says why: {@code RESPONSE_BREACHED} (the response clock ran out: the street supervisor's office),
 * {@code IMMEDIATE} (the item escalates on acceptance), {@code TIP_OFF} (a tip-off about an official forwarded by the
 * cadre registry) or {@code MANUAL} (staff or a supervisor decided). The reason given by a person is not on the topic:
 * agencies read it through the REST API. References only.
 */
public record EscalationOpened(
        UUID escalationId,
        UUID reportId,
        String itemCode,
        String communityCode,
        String streetCode,
        boolean confidential,
        EscalationTrigger trigger,
        List<EscalationAgency> agencies,
        String leadAgencyCode,
        int workingDays,
        Instant dueAt,
        boolean provisional,
        Instant openedAt) {

    public EscalationOpened {
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(agencies, "agencies");
        Objects.requireNonNull(leadAgencyCode, "leadAgencyCode");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(openedAt, "openedAt");
        agencies = List.copyOf(agencies);
    }
}
