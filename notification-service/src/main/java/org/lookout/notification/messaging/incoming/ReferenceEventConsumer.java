package org.lookout.notification.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.notification.recipient.ReferenceService;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads the compacted {@code lookout.complaint.reference.v1} from the beginning: this service's copy of the
 * communities (their street: whose supervisors and inspectors are told) and of the items (their names in messages).
 */
@ApplicationScoped
public class ReferenceEventConsumer {

    static final String CONSUMER = "notification-service.reference-events";

    private final EventRouter router;

    ReferenceEventConsumer(IdempotentConsumer idempotent, ReferenceService references) {
        this.router = EventRouter.of(CONSUMER, idempotent)
                .on(EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.class,
                        (event, community) -> references.communityChanged(community))
                .on(EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.class, (event, item) -> references.itemChanged(item));
    }

    @Incoming("lookout-complaint-reference-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
