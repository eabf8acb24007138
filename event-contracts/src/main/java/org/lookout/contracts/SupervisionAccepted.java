package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An inspector accepted a supervision record for handling (受理; {@code lookout.cadre.supervision-accepted.v1}, keyed by
 * the record id): a real-name reporter is told.
 */
public record SupervisionAccepted(
        UUID recordId,
        UUID reportId,
        String communityCode,
        boolean realName,
        Instant acceptedAt) {

    public SupervisionAccepted {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
