package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A supervision record was concluded ({@code lookout.cadre.supervision-concluded.v1}, keyed by the record id): in-house
 * ({@code disposition}) or by the discipline organ it was forwarded to ({@code outcome}); exactly one of the two. A
 * real-name reporter is told the result. The findings and the summary stay in the registry.
 */
public record SupervisionConcluded(
        UUID recordId,
        UUID reportId,
        String communityCode,
        boolean realName,
        UUID officialId,
        Disposition disposition,
        Outcome outcome,
        boolean substantiated,
        Instant concludedAt) {

    public SupervisionConcluded {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(concludedAt, "concludedAt");
    }
}
