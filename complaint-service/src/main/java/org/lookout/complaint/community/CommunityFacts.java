package org.lookout.complaint.community;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.complaint.domain.ReferenceCache;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What intake needs of a community, from memory ({@link ReferenceCache}); {@link CommunityService}'s edits forget the
 * community once they have committed.
 */
@ApplicationScoped
public class CommunityFacts {

    /** A community as intake sees it: whether it takes new reports. */
    public record Facts(String code, boolean active) {
    }

    private final CommunityRepository communities;
    private final ReferenceCache<Facts> cache;

    CommunityFacts(CommunityRepository communities, IntakeConfig config) {
        this.communities = communities;
        this.cache = new ReferenceCache<>(config.referenceCacheTtl());
    }

    /**
     * The community, null for an unknown code; when it is not in memory, looked up in a session of its own (or the
     * current one).
     */
    public Uni<Facts> of(String code) {
        return cache.get(code, key -> Panache.withSession(() -> communities.find(key))
                .map(community -> community == null ? null : new Facts(community.code, community.active)));
    }

    void forget(String code) {
        cache.forget(code);
    }
}
