package org.lookout.notification.messaging.incoming;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.Topics;
import org.lookout.notification.dispatch.NotificationDispatch;
import org.lookout.notification.recipient.ReportFactsService;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads {@code lookout.complaint.v1}: every event first keeps this service's facts of its report (its reporter, by
 * pseudonym, for the events that do not name them), then is told to whom its rules say — once, in one transaction
 * with the consumer's record of it.
 */
@ApplicationScoped
public class ComplaintEventConsumer {

    /** The name under which processed complaint events are recorded. */
    static final String CONSUMER = "notification-service.complaint-events";

    private final EventRouter router;

    ComplaintEventConsumer(IdempotentConsumer idempotent, ReportFactsService facts, NotificationDispatch dispatch,
            Clock clock) {
        this.router = Routes.everyTypeOf(EventRouter.of(CONSUMER, idempotent), Topics.COMPLAINT,
                (event, payload) -> facts.apply(event, clock.instant()).chain(known -> dispatch.dispatch(event, known)));
    }

    @Incoming("lookout-complaint-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
