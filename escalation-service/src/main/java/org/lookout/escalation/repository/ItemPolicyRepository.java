package org.lookout.escalation.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.escalation.domain.ItemPolicy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItemPolicyRepository implements PanacheRepositoryBase<ItemPolicy, String> {

    public Uni<List<ItemPolicy>> all() {
        return listAll(Sort.ascending("itemCode"));
    }

    /** The item's policy locked for this transaction, or null. */
    public Uni<ItemPolicy> forUpdate(String itemCode) {
        return findById(itemCode, LockModeType.PESSIMISTIC_WRITE);
    }
}
