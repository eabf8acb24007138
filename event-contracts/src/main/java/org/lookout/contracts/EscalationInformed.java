package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Staff or a supervisor copied a report to an agency for information (抄送, {@code lookout.escalation.informed.v1}),
 * keyed by the report id: one part of kind {@link PartKind#INFORM}, no deadline. The agency reads the case file and may
 * acknowledge, comment ({@code progressed}) and close its part ({@code resolved} or {@code returned}, with
 * {@code partKind: INFORM}); the report's state and the community's clocks do not change. Why it was copied is read
 * through the REST API, never carried here. References only.
 */
public record EscalationInformed(
        UUID escalationId,
        UUID reportId,
        String itemCode,
        String communityCode,
        String streetCode,
        boolean confidential,
        String agencyCode,
        AgencyKind agencyKind,
        Instant informedAt) {

    public EscalationInformed {
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(agencyKind, "agencyKind");
        Objects.requireNonNull(informedAt, "informedAt");
    }
}
