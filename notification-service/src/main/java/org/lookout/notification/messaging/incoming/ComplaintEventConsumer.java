package org.lookout.notification.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.notification.delivery.ComplaintNotifications;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads {@code lookout.complaint.v1}: a received report makes an acknowledgement in the reporter's inbox, once; other
 * types are skipped.
 */
@ApplicationScoped
public class ComplaintEventConsumer {

    /** The name under which processed complaint events are recorded. */
    static final String CONSUMER = "notification-service.complaint-events";

    private final EventRouter router;

    ComplaintEventConsumer(IdempotentConsumer idempotent, ComplaintNotifications notifications) {
        this.router = EventRouter.of(CONSUMER, idempotent).on(EventType.COMPLAINT_SUBMITTED, ComplaintSubmitted.class,
                (event, report) -> notifications.reportReceived(event.id(), report));
    }

    @Incoming("lookout-complaint-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
