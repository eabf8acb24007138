package org.lookout.cadre.commitment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.Commitment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    /** The newest letter of an official, or null. */
    public Uni<Commitment> newest(UUID officialId) {
        return find("officialId", Sort.descending("uploadedAt").and("id"), officialId).firstResult();
    }
}
