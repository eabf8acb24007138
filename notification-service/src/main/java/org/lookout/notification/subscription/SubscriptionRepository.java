package org.lookout.notification.subscription;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.notification.domain.Subscription;
import org.lookout.notification.domain.SubscriptionState;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public Uni<List<Subscription>> ofOwner(Subscription.OwnerKind kind, String owner) {
        return list("ownerKind = ?1 and owner = ?2", Sort.by("createdAt"), kind, owner);
    }

    public Uni<List<Subscription>> all() {
        return listAll(Sort.by("createdAt"));
    }

    /** The subscriptions that receive notifications now: of an agency, or every app backend's. */
    public Uni<List<Subscription>> receiving(Subscription.OwnerKind kind, String owner) {
        return owner == null
                ? list("ownerKind = ?1 and state <> ?2", Sort.by("createdAt"), kind, SubscriptionState.DISABLED)
                : list("ownerKind = ?1 and owner = ?2 and state <> ?3", Sort.by("createdAt"), kind, owner,
                        SubscriptionState.DISABLED);
    }

    public Uni<Subscription> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The agency's subscription made from the agency directory, if any. */
    public Uni<Subscription> fromDirectory(String agency) {
        return find("source = ?1 and owner = ?2", Subscription.Source.DIRECTORY, agency).firstResult();
    }

    public Uni<List<Subscription>> fromDirectory() {
        return list("source", Subscription.Source.DIRECTORY);
    }

    /** Active subscriptions failing, and disabled ones whose owner has not been told yet. */
    public Uni<List<Subscription>> needingAttention() {
        return list("(state = ?1 and failingSince is not null) or (state = ?2 and ownerToldAt is null)",
                SubscriptionState.ACTIVE, SubscriptionState.DISABLED);
    }
}
