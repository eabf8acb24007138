package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The community head issued an integrity opinion ({@code lookout.cadre.integrity-opinion-issued.v1}); never its text. */
public record IntegrityOpinionIssued(
        UUID opinionId,
        UUID officialId,
        String communityCode,
        Instant issuedAt) {

    public IntegrityOpinionIssued {
        Objects.requireNonNull(opinionId, "opinionId");
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
