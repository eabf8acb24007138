package org.lookout.cadre.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.cadre.supervision.SupervisionService;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EventType;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads {@code lookout.escalation.v1} for what the discipline organ decides on forwarded records: the escalation opened
 * for a record (its {@code reportId} is the record's report, or the record itself), then its resolution (the outcome
 * concludes the record) or its return. Escalations of other reports are no concern here; other types are skipped.
 */
@ApplicationScoped
public class EscalationEventConsumer {

    /** The name under which processed escalation events are recorded. */
    static final String CONSUMER = "cadre-registry-service.escalation-events";

    private final EventRouter router;

    EscalationEventConsumer(IdempotentConsumer idempotent, SupervisionService supervision) {
        this.router = EventRouter.of(CONSUMER, idempotent)
                .on(EventType.ESCALATION_OPENED, EscalationOpened.class,
                        (event, opened) -> supervision.escalationOpened(opened))
                .on(EventType.ESCALATION_RESOLVED, EscalationChanged.class,
                        (event, changed) -> supervision.escalationResolved(changed))
                .on(EventType.ESCALATION_RETURNED, EscalationChanged.class,
                        (event, changed) -> supervision.escalationReturned(changed));
    }

    @Incoming("lookout-escalation-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
