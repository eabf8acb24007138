package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A supervision record missed a 12388 time limit ({@code lookout.cadre.supervision-overdue.v1}, once per record and limit). */
public record SupervisionOverdue(
        UUID recordId,
        UUID reportId,
        String communityCode,
        SupervisionLimit limit,
        Instant dueAt,
        Instant detectedAt) {

    public SupervisionOverdue {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
