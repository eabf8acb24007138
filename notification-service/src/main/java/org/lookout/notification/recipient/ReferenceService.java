package org.lookout.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.ItemChanged;
import org.lookout.notification.domain.CommunityCopy;
import org.lookout.notification.domain.ItemCopy;

import io.smallrye.mutiny.Uni;

/**
 * This service's copy of complaint-service's communities (their street: who supervises a report) and items (their
 * names), built only from the compacted reference topic: a revision older than the one held is ignored. Runs in the
 * consumer's transaction.
 */
@ApplicationScoped
public class ReferenceService {

    private final CommunityCopyRepository communities;
    private final ItemCopyRepository items;

    ReferenceService(CommunityCopyRepository communities, ItemCopyRepository items) {
        this.communities = communities;
        this.items = items;
    }

    public Uni<Void> communityChanged(CommunityChanged changed) {
        return communities.findById(changed.communityCode()).chain(held -> {
            if (held != null && held.revision >= changed.revision()) {
                return Uni.createFrom().voidItem();
            }
            CommunityCopy copy = held != null ? held : new CommunityCopy();
            copy.communityCode = changed.communityCode();
            copy.streetCode = changed.streetCode();
            copy.nameZh = changed.nameZh();
            copy.nameEn = changed.nameEn();
            copy.active = changed.active();
            copy.revision = changed.revision();
            return held != null ? Uni.createFrom().voidItem() : communities.persist(copy).replaceWithVoid();
        });
    }

    public Uni<Void> itemChanged(ItemChanged changed) {
        return items.findById(changed.itemCode()).chain(held -> {
            if (held != null && held.revision >= changed.revision()) {
                return Uni.createFrom().voidItem();
            }
            ItemCopy copy = held != null ? held : new ItemCopy();
            copy.itemCode = changed.itemCode();
            copy.categoryCode = changed.categoryCode();
            copy.nameZh = changed.nameZh();
            copy.nameEn = changed.nameEn();
            copy.confidential = changed.confidential();
            copy.active = changed.active();
            copy.revision = changed.revision();
            return held != null ? Uni.createFrom().voidItem() : items.persist(copy).replaceWithVoid();
        });
    }
}
