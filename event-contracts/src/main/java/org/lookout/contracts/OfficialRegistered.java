package org.lookout.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An official who lives in a community was registered ({@code lookout.cadre.official-registered.v1} on
 * {@code lookout.cadre.v1}, keyed by the official id). No name, employer, post, building or phone: inspectors read those
 * in the registry.
 */
public record OfficialRegistered(
        UUID officialId,
        String communityCode,
        OfficialStatus status,
        RegistrationSource source,
        LocalDate registeredOn,
        Instant registeredAt) {

    public OfficialRegistered {
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
