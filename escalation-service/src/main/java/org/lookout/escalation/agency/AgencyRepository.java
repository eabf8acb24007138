package org.lookout.escalation.agency;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.contracts.AgencyKind;
import org.lookout.escalation.domain.Agency;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, String> {

    public Uni<List<Agency>> all() {
        return listAll(Sort.by("code"));
    }

    /** The entry, locked until the transaction ends; null when there is none. */
    public Uni<Agency> forUpdate(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The active agencies of {@code kind} acting in {@code jurisdiction} (a street or a level), by code. */
    public Uni<List<Agency>> active(AgencyKind kind, String jurisdiction) {
        return list("kind = ?1 and jurisdiction = ?2 and active = true", Sort.by("code"), kind, jurisdiction);
    }

    /** Another agency acting through {@code clientId}, if any. */
    public Uni<Agency> otherWithClient(String clientId, String code) {
        return find("oidcClientId = ?1 and code <> ?2", clientId, code).firstResult();
    }
}
