package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Supervision information about an official became a record ({@code lookout.cadre.supervision-recorded.v1}, keyed by the
 * record id). {@code reportId} when it came from a {@code cadre-conduct} report. Never the text, the official named or
 * anything about the reporter.
 */
public record SupervisionRecorded(
        UUID recordId,
        SupervisionSource source,
        UUID reportId,
        String communityCode,
        boolean realName,
        Instant receivedAt) {

    public SupervisionRecorded {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
