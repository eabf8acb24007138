package org.lookout.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The whole current state of one community ({@code lookout.complaint.community-changed.v1} on the compacted topic
 * {@code lookout.complaint.reference.v1}, keyed {@code community/<code>}), published by complaint-service, which owns
 * the communities and the street each belongs to. Other services keep a copy built only from these events;
 * {@code revision} grows with every change.
 */
public record CommunityChanged(
        String communityCode,
        String streetCode,
        String nameZh,
        String nameEn,
        boolean active,
        int revision,
        Instant changedAt) {

    public CommunityChanged {
        Objects.requireNonNull(communityCode, "communityCode");
        Objects.requireNonNull(streetCode, "streetCode");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The record key and CloudEvents subject of a community's events. */
    public static String key(String communityCode) {
        return "community/" + communityCode;
    }
}
