package org.lookout.complaint.messaging.outgoing;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The reference data this service owns, published whole at each revision on the compacted topic
 * {@code lookout.complaint.reference.v1} (keyed {@code item/<code>}, {@code community/<code>}), inside the caller's
 * transaction: the latest record per key is the current state a consumer copies. Once written to the outbox, the
 * revision counts as published ({@code publishedRevision}), so nothing publishes it again.
 */
@ApplicationScoped
public class ReferenceDataEvents {

    private final Outbox outbox;

    ReferenceDataEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> itemChanged(TaxonomyItem item) {
        ItemChanged payload = new ItemChanged(item.code, item.categoryCode, item.nameZh, item.nameEn,
                item.resolutionDays, item.escalatesImmediately,
                item.agencyKinds().stream().map(AgencyKind::valueOf).toList(), item.jointEscalation,
                item.leadAgencyKind() == null ? null : AgencyKind.valueOf(item.leadAgencyKind()), item.confidential,
                item.active, item.revision, item.changedAt);
        return outbox.publish(EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.key(item.code), item.changedAt, payload)
                .invoke(() -> item.publishedRevision = item.revision);
    }

    public Uni<Void> communityChanged(Community community) {
        CommunityChanged payload = new CommunityChanged(community.code, community.streetCode, community.nameZh,
                community.nameEn, community.active, community.revision, community.changedAt);
        return outbox.publish(EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.key(community.code),
                community.changedAt, payload).invoke(() -> community.publishedRevision = community.revision);
    }
}
