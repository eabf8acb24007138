package org.lookout.escalation.reference;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.ItemChanged;
import org.lookout.escalation.domain.TaxonomyItem;

import io.smallrye.mutiny.Uni;

/**
 * The copy of complaint-service's reference data this service reads — taxonomy items (resolution target, immediate
 * escalation) and communities (their street) — built only from the owner's events: a record is applied when its
 * revision is higher than the one held, so a replay or an older state arriving late changes nothing. An event that
 * needs an item or a community whose copy has not arrived yet waits for it ({@link ReferenceNotYetKnownException}).
 * Everything runs in the caller's session.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    private final TaxonomyItemRepository items;
    private final CommunityRepository communities;

    ReferenceData(TaxonomyItemRepository items, CommunityRepository communities) {
        this.items = items;
        this.communities = communities;
    }

    public Uni<Void> apply(ItemChanged item) {
        return items.storeIfNewer(item).invoke(stored -> {
            if (!stored) {
                LOG.debugf("item %s revision %d: the copy holds this revision or a later one; ignored", item.itemCode(),
                        item.revision());
            }
        }).replaceWithVoid();
    }

    public Uni<Void> apply(CommunityChanged community) {
        return communities.storeIfNewer(community).invoke(stored -> {
            if (!stored) {
                LOG.debugf("community %s revision %d: the copy holds this revision or a later one; ignored",
                        community.communityCode(), community.revision());
            }
        }).replaceWithVoid();
    }

    /** Every item of the copy, by code. */
    public Uni<List<TaxonomyItem>> items() {
        return items.all();
    }

    /** The item; an event that needs it before its copy arrived waits ({@link ReferenceNotYetKnownException}). */
    public Uni<TaxonomyItem> item(String itemCode) {
        return items.findById(itemCode).map(item -> {
            if (item == null) {
                throw new ReferenceNotYetKnownException("item " + itemCode);
            }
            return item;
        });
    }

    /** The community's street; an event that needs it before the community's copy arrived waits. */
    public Uni<String> streetOf(String communityCode) {
        return communities.findById(communityCode).map(community -> {
            if (community == null) {
                throw new ReferenceNotYetKnownException("community " + communityCode);
            }
            return community.streetCode;
        });
    }

    /**
     * The street of a community this service has seen before (a clock or an escalation of it exists), for reads and
     * sweeps that must not wait; null for one it does not know.
     */
    public Uni<String> knownStreetOf(String communityCode) {
        return communities.findById(communityCode).map(community -> community == null ? null : community.streetCode);
    }
}
