package org.lookout.cadre.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.cadre.reference.Communities;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * complaint-service's reference data (compacted, read from its beginning): each community change is applied to this
 * service's copy when its revision is newer; items and other types are skipped.
 */
@ApplicationScoped
public class ReferenceEventConsumer {

    /** The name under which processed reference events are recorded. */
    static final String CONSUMER = "cadre-registry-service.reference-data";

    private final EventRouter router;

    ReferenceEventConsumer(IdempotentConsumer idempotent, Communities communities) {
        this.router = EventRouter.of(CONSUMER, idempotent).on(EventType.COMPLAINT_COMMUNITY_CHANGED,
                CommunityChanged.class, (event, community) -> communities.apply(community));
    }

    @Incoming("lookout-complaint-reference-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
