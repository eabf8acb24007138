package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An inspector asked an official's community for an integrity opinion ({@code lookout.cadre.integrity-opinion-requested.v1},
 * keyed by the opinion id). {@code dueAt} is absent while the working calendar could not be asked.
 */
public record IntegrityOpinionRequested(
        UUID opinionId,
        UUID officialId,
        String communityCode,
        int workingDays,
        Instant dueAt,
        Instant requestedAt) {

    public IntegrityOpinionRequested {
        Objects.requireNonNull(opinionId, "opinionId");
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
