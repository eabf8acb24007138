package org.lookout.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered official's record changed ({@code lookout.cadre.official-changed.v1}, keyed by the official id): the
 * names of the fields that changed, never their values.
 */
public record OfficialChanged(
        UUID officialId,
        String communityCode,
        OfficialStatus status,
        List<String> changedFields,
        Instant changedAt) {

    public OfficialChanged {
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedFields, "changedFields");
        Objects.requireNonNull(changedAt, "changedAt");
        changedFields = List.copyOf(changedFields);
    }
}
