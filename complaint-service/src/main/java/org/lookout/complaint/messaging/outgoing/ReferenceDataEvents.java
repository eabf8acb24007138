package org.lookout.complaint.messaging.outgoing;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The reference data this service owns, published whole at each revision on the compacted topic
 * {@code lookout.complaint.reference.v1} (keyed {@code item/<code>}, {@code community/<code>}), inside the caller's
 * transaction: the latest record per key is the current state a consumer copies. Once written to the outbox, the
 * revision counts as published; a revision nobody published (the seeds, a row a migration changed) is published once at
 * start-up.
 */
@ApplicationScoped
public class ReferenceDataEvents {

    private static final Logger LOG = Logger.getLogger(ReferenceDataEvents.class);

    private final Outbox outbox;
    private final UnpublishedRevisionRepository unpublished;

    ReferenceDataEvents(Outbox outbox, UnpublishedRevisionRepository unpublished) {
        this.outbox = outbox;
        this.unpublished = unpublished;
    }

    public Uni<Void> itemChanged(TaxonomyItem item) {
        ItemChanged payload = new ItemChanged(item.code, item.categoryCode, item.nameZh, item.nameEn,
                item.resolutionDays, item.escalatesImmediately,
                item.agencyKinds().stream().map(AgencyKind::valueOf).toList(), item.jointEscalation,
                item.leadAgencyKind() == null ? null : AgencyKind.valueOf(item.leadAgencyKind()), item.confidential,
                item.active, item.revision, item.changedAt, item.resolutionBreachAgencyKind == null ? null
                        : AgencyKind.valueOf(item.resolutionBreachAgencyKind));
        return outbox.publish(EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.key(item.code), item.changedAt, payload)
                .invoke(item::published);
    }

    public Uni<Void> communityChanged(Community community) {
        CommunityChanged payload = new CommunityChanged(community.code, community.streetCode, community.nameZh,
                community.nameEn, community.active, community.revision, community.changedAt);
        return outbox.publish(EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.key(community.code),
                community.changedAt, payload).invoke(community::published);
    }

    /**
     * Publishes every item and community whose revision was never published, once: the rows are claimed
     * {@code FOR UPDATE SKIP LOCKED}, so a restart, or two instances starting together, never publish a revision twice.
     * Answers how many were published.
     */
    public Uni<Integer> publishPending() {
        return Panache.withTransaction(() -> unpublished.lockItems().chain(items -> each(items, this::itemChanged))
                .chain(items -> unpublished.lockCommunities().chain(found -> each(found, this::communityChanged))
                        .map(communities -> items + communities)));
    }

    void publishPendingAtStart(@Observes StartupEvent started) throws Throwable {
        int published = VertxContextSupport.subscribeAndAwait(this::publishPending);
        if (published > 0) {
            LOG.infof("published %d taxonomy items and communities whose revision was not published yet", published);
        }
    }

    /** One after the other: a reactive session serves one operation at a time. */
    private static <T> Uni<Integer> each(List<T> rows, Function<T, Uni<Void>> publish) {
        Uni<Void> published = Uni.createFrom().voidItem();
        for (T row : rows) {
            published = published.chain(() -> publish.apply(row));
        }
        return published.replaceWith(rows.size());
    }
}
