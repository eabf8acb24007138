package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One agency's part of an escalation changed ({@code lookout.escalation.<acknowledged|progressed|resolved|returned|
 * deadline-missed>.v1}), keyed by the report id. {@code partStatus} is that agency's part, {@code escalationStatus} the
 * escalation as a whole (a joint escalation resolves when its lead resolves). {@code outcome} is present on
 * {@code resolved}, {@code returnReason} on {@code returned}; the agency's own words (progress notes, actions taken,
 * the reason in full) are read through the REST API, never carried here. {@code partKind} is {@code INFORM} for a part
 * copied for information ({@link EscalationInformed}) and absent for a part that must act. References only.
 */
public record EscalationChanged(
        UUID escalationId,
        UUID reportId,
        String itemCode,
        String communityCode,
        String streetCode,
        boolean confidential,
        String agencyCode,
        boolean lead,
        EscalationState partStatus,
        EscalationState escalationStatus,
        Instant changedAt,
        Outcome outcome,
        ReturnReason returnReason,
        PartKind partKind) {

    public EscalationChanged {
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(partStatus, "partStatus");
        Objects.requireNonNull(escalationStatus, "escalationStatus");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A part that must act: {@code partKind} absent on the wire. */
    public EscalationChanged(UUID escalationId, UUID reportId, String itemCode, String communityCode, String streetCode,
            boolean confidential, String agencyCode, boolean lead, EscalationState partStatus,
            EscalationState escalationStatus, Instant changedAt, Outcome outcome, ReturnReason returnReason) {
        this(escalationId, reportId, itemCode, communityCode, streetCode, confidential, agencyCode, lead, partStatus,
                escalationStatus, changedAt, outcome, returnReason, null);
    }
}
