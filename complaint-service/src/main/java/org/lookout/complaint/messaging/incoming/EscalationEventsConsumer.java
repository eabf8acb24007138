package org.lookout.complaint.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.complaint.casefile.CaseFileFacts;
import org.lookout.complaint.lifecycle.EscalationFactsService;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationInformed;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EventType;
import org.lookout.contracts.SlaBreached;
import org.lookout.contracts.SlaScheduled;
import org.lookout.contracts.SlaWarned;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Escalation events from escalation-service, one record at a time so one report's events (keyed by report id) are
 * applied in order, each once: SLA due times, warnings (for the worklists' {@code warned} filter) and breaches, an
 * escalation opened, resolved or returned, and its news for the history; an invalid record goes to the dead-letter
 * topic; while the database is away the record waits and is tried again. The escalation events also keep
 * who may read the report's case file ({@link CaseFileFacts}), in the same transaction; a copy for information
 * ({@code informed}) is history only for the report.
 */
@ApplicationScoped
public class EscalationEventsConsumer {

    /** The name under which this consumer records the events it has applied. */
    public static final String CONSUMER = "complaint.escalation-facts";

    private final EventRouter router;

    EscalationEventsConsumer(IdempotentConsumer idempotent, EscalationFactsService facts, CaseFileFacts cases) {
        this.router = EventRouter.of(CONSUMER, idempotent)
                .on(EventType.ESCALATION_SLA_SCHEDULED, SlaScheduled.class,
                        (event, scheduled) -> facts.onSlaScheduled(EventType.ESCALATION_SLA_SCHEDULED, scheduled))
                .on(EventType.ESCALATION_SLA_WARNED, SlaWarned.class,
                        (event, warned) -> facts.onSlaWarned(EventType.ESCALATION_SLA_WARNED, warned))
                .on(EventType.ESCALATION_SLA_BREACHED, SlaBreached.class,
                        (event, breached) -> facts.onSlaBreached(EventType.ESCALATION_SLA_BREACHED, breached))
                .on(EventType.ESCALATION_OPENED, EscalationOpened.class,
                        (event, opened) -> facts.onOpened(EventType.ESCALATION_OPENED, opened)
                                .chain(() -> cases.onOpened(opened)))
                .on(EventType.ESCALATION_INFORMED, EscalationInformed.class,
                        (event, informed) -> cases.onInformed(informed))
                .on(EventType.ESCALATION_RESOLVED, EscalationChanged.class,
                        (event, changed) -> facts.onResolved(EventType.ESCALATION_RESOLVED, changed)
                                .chain(() -> cases.onChanged(EventType.ESCALATION_RESOLVED, changed)))
                .on(EventType.ESCALATION_RETURNED, EscalationChanged.class,
                        (event, changed) -> facts.onReturned(EventType.ESCALATION_RETURNED, changed)
                                .chain(() -> cases.onChanged(EventType.ESCALATION_RETURNED, changed)));
        for (EventType news : new EventType[] { EventType.ESCALATION_ACKNOWLEDGED, EventType.ESCALATION_PROGRESSED,
                EventType.ESCALATION_DEADLINE_MISSED }) {
            router.on(news, EscalationChanged.class, (event, changed) -> facts.onNews(news, changed)
                    .chain(() -> cases.onChanged(news, changed)));
        }
    }

    /**
     * A staff command that changed the report at the same moment wins, and the event is then applied to its result; that
     * race, like an outage of the database, is retried by the router until the event applies.
     */
    @Incoming("lookout-escalation-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
