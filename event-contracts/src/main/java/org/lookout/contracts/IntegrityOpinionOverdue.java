package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An integrity opinion request passed its deadline unissued ({@code lookout.cadre.integrity-opinion-overdue.v1}, once). */
public record IntegrityOpinionOverdue(
        UUID opinionId,
        UUID officialId,
        String communityCode,
        Instant dueAt,
        Instant detectedAt) {

    public IntegrityOpinionOverdue {
        Objects.requireNonNull(opinionId, "opinionId");
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
