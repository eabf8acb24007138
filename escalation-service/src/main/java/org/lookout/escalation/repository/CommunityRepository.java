package org.lookout.escalation.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.Community;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<Community, String> {

    /** The street of a community; null for a community this service does not know. */
    public Uni<String> streetOf(String communityCode) {
        return findById(communityCode).map(community -> community == null ? null : community.streetCode);
    }
}
