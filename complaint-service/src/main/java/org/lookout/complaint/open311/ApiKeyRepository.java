package org.lookout.complaint.open311;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Open311ApiKey;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The keys of Open311 client applications, found by the hash of the key a client presents. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<Open311ApiKey, UUID> {

    Uni<Open311ApiKey> byHash(byte[] keyHash) {
        return find("keyHash", keyHash).firstResult();
    }

    Uni<List<Open311ApiKey>> newestFirst() {
        return listAll(Sort.descending("createdAt").and("id"));
    }
}
