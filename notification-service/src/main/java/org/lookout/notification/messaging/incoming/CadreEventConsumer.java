package org.lookout.notification.messaging.incoming;

import java.util.UUID;

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
 * Reads {@code lookout.cadre.v1}: every type of it that event-contracts knows goes to the rules (inspectors of the
 * community's street, its staff, its residents); the rules name the cadre registry's types by their type, so a type
 * added to the contract is told as soon as it arrives.
 */
@ApplicationScoped
public class CadreEventConsumer {

    static final String CONSUMER = "notification-service.cadre-events";

    private final EventRouter router;

    CadreEventConsumer(IdempotentConsumer idempotent, ReportFactsService facts, NotificationDispatch dispatch) {
        this.router = Routes.everyTypeOf(EventRouter.of(CONSUMER, idempotent), Topics.CADRE, (event, payload) -> {
            String report = event.data().path("reportId").asText(null);
            Uni<org.lookout.notification.domain.ReportFacts> known = report == null ? Uni.createFrom().nullItem()
                    : facts.find(UUID.fromString(report));
            return known.chain(found -> dispatch.dispatch(event, found));
        });
    }

    @Incoming("lookout-cadre-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
