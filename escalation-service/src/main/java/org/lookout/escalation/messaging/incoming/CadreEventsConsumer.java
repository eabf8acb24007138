package org.lookout.escalation.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.EventType;
import org.lookout.contracts.TipOffForwarded;
import org.lookout.escalation.escalation.AutomaticEscalations;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Events of the cadre registry, one record at a time and each once: a tip-off about an official forwarded to the
 * discipline organs opens an escalation to the discipline commission (once the copy of its community has arrived);
 * other types are skipped; an invalid record goes to the dead-letter topic.
 */
@ApplicationScoped
public class CadreEventsConsumer {

    /** The name under which this consumer records the events it has applied. */
    public static final String CONSUMER = "escalation.cadre-events";

    private final EventRouter router;

    CadreEventsConsumer(IdempotentConsumer idempotent, AutomaticEscalations escalations) {
        this.router = EventRouter.of(CONSUMER, idempotent).on(EventType.CADRE_TIP_OFF_FORWARDED, TipOffForwarded.class,
                (event, tipOff) -> escalations.onTipOff(tipOff));
    }

    @Incoming("lookout-cadre-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
