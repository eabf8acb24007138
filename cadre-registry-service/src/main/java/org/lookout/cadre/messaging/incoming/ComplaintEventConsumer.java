package org.lookout.cadre.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.cadre.supervision.SupervisionService;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads {@code lookout.complaint.v1}: a received report about an official's conduct becomes a supervision record, once;
 * other types are skipped.
 */
@ApplicationScoped
public class ComplaintEventConsumer {

    /** The name under which processed complaint events are recorded. */
    static final String CONSUMER = "cadre-registry-service.complaint-events";

    private final EventRouter router;

    ComplaintEventConsumer(IdempotentConsumer idempotent, SupervisionService supervision) {
        this.router = EventRouter.of(CONSUMER, idempotent).on(EventType.COMPLAINT_SUBMITTED, ComplaintSubmitted.class,
                (event, report) -> supervision.reportReceived(event.id(), report));
    }

    @Incoming("lookout-complaint-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
