package org.lookout.escalation.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;
import org.lookout.escalation.escalation.AutomaticEscalations;
import org.lookout.escalation.clock.SlaClockService;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Report events from complaint-service, one record at a time so one report's events (keyed by report id) are applied in
 * order, each once: submitted starts the response clock, accepted the resolution clock (and escalates an item marked
 * for immediate escalation), responded / resolved stop them, reopened restarts one, paused / resumed pause the running
 * ones and resume them, rejected and closed cancel the running ones; other types (assigned, rated) are skipped; an
 * invalid record goes to the dead-letter topic. submitted and accepted wait (retried in their place) until this
 * service's copy of the report's item and community has arrived ({@link ReferenceEventsConsumer}).
 */
@ApplicationScoped
public class ComplaintEventsConsumer {

    /** The name under which this consumer records the events it has applied. */
    public static final String CONSUMER = "escalation.sla-clocks";

    private final EventRouter router;

    ComplaintEventsConsumer(IdempotentConsumer idempotent, SlaClockService clocks, AutomaticEscalations escalations) {
        this.router = EventRouter.of(CONSUMER, idempotent)
                .on(EventType.COMPLAINT_SUBMITTED, ComplaintSubmitted.class, (event, report) -> clocks.onSubmitted(report))
                .on(EventType.COMPLAINT_ACCEPTED, ComplaintStatusChanged.class,
                        (event, change) -> clocks.onAccepted(change).chain(() -> escalations.onAccepted(change)))
                .on(EventType.COMPLAINT_RESPONDED, ComplaintStatusChanged.class,
                        (event, change) -> clocks.onResponded(change))
                .on(EventType.COMPLAINT_RESOLVED, ComplaintStatusChanged.class,
                        (event, change) -> clocks.onResolved(change))
                .on(EventType.COMPLAINT_REOPENED, ComplaintStatusChanged.class,
                        (event, change) -> clocks.onReopened(change))
                .on(EventType.COMPLAINT_PAUSED, ComplaintStatusChanged.class,
                        (event, change) -> clocks.onPaused(change))
                .on(EventType.COMPLAINT_RESUMED, ComplaintStatusChanged.class,
                        (event, change) -> clocks.onResumed(change))
                .on(EventType.COMPLAINT_REJECTED, ComplaintStatusChanged.class, (event, change) -> clocks.onEnded(change))
                .on(EventType.COMPLAINT_CLOSED, ComplaintStatusChanged.class, (event, change) -> clocks.onEnded(change));
    }

    @Incoming("lookout-complaint-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
