package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An inspector withdrew a notice ({@code lookout.cadre.notice-withdrawn.v1}, keyed by the notice id); the reason stays in the registry. */
public record NoticeWithdrawn(
        UUID noticeId,
        UUID officialId,
        String communityCode,
        NoticeKind kind,
        Instant withdrawnAt) {

    public NoticeWithdrawn {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }
}
