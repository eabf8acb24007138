package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An inspector published a notice about an official in their community ({@code lookout.cadre.notice-published.v1},
 * keyed by the notice id); title and text are read through the API.
 */
public record NoticePublished(
        UUID noticeId,
        UUID officialId,
        String communityCode,
        NoticeKind kind,
        Instant windowStart,
        Instant windowEnd,
        Instant publishedAt) {

    public NoticePublished {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
