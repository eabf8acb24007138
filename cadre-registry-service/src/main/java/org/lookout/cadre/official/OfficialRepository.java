package org.lookout.cadre.official;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.cadre.domain.Official;
import org.lookout.contracts.OfficialStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfficialRepository implements PanacheRepositoryBase<Official, UUID> {

    private static final Sort BY_COMMUNITY_AND_NAME = Sort.by("communityCode").and("name").and("id");

    /** The official, locked until the transaction ends: two inspectors editing at once change it one after the other. */
    public Uni<Official> lock(Official official) {
        return findById(official.id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Official> findByNaturalKey(String naturalKey) {
        return find("naturalKey", naturalKey).firstResult();
    }

    /** The officials a batch of rows may be: by external id or by natural key. */
    public Uni<List<Official>> matching(Collection<String> externalIds, Collection<String> naturalKeys) {
        return list("externalId in :ids or naturalKey in :keys",
                Parameters.with("ids", externalIds.isEmpty() ? List.of("") : externalIds)
                        .and("keys", naturalKeys.isEmpty() ? List.of("") : naturalKeys));
    }

    public Uni<List<Official>> inCommunities(Collection<String> communities, int page, int limit) {
        return find("communityCode in ?1", BY_COMMUNITY_AND_NAME, communities).page(page, limit).list();
    }

    /**
     * Active officials of these communities registered on or before {@code registeredBefore} who have no commitment
     * letter.
     */
    public Uni<List<Official>> missingCommitment(Collection<String> communities, LocalDate registeredBefore, int page,
            int limit) {
        return find("from Official o where o.communityCode in :communities and o.status = :active"
                + " and o.registeredOn <= :before and not exists (select 1 from Commitment c where c.officialId = o.id)",
                BY_COMMUNITY_AND_NAME,
                Parameters.with("communities", communities).and("active", OfficialStatus.ACTIVE)
                        .and("before", registeredBefore))
                .page(page, limit).list();
    }
}
