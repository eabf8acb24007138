package org.lookout.escalation.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.escalation.reference.ReferenceData;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * complaint-service's reference data (compacted, read from its beginning): each item and community change is applied
 * to this service's copy when its revision is newer than the one held; other types are skipped; an invalid record goes
 * to the dead-letter topic.
 */
@ApplicationScoped
public class ReferenceEventsConsumer {

    /** The name under which this consumer records the events it has applied. */
    public static final String CONSUMER = "escalation.reference-data";

    private final EventRouter router;

    ReferenceEventsConsumer(IdempotentConsumer idempotent, ReferenceData references) {
        this.router = EventRouter.of(CONSUMER, idempotent)
                .on(EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.class, (event, item) -> references.apply(item))
                .on(EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.class,
                        (event, community) -> references.apply(community));
    }

    @Incoming("lookout-complaint-reference-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
