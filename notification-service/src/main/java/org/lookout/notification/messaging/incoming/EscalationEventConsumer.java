package org.lookout.notification.messaging.incoming;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.notification.dispatch.DeadlineReminders;
import org.lookout.notification.dispatch.NotificationDispatch;
import org.lookout.notification.recipient.ReportFactsService;
import org.lookout.outbox.EventRouter;
import org.lookout.outbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Reads {@code lookout.escalation.v1}: SLA warnings and breaches, escalations and their answers, told to whom the rules
 * say (the report's facts name its community and reporter). An opened escalation also schedules each agency's reminder
 * before its deadline; an answered part, or a missed deadline, cancels it.
 */
@ApplicationScoped
public class EscalationEventConsumer {

    static final String CONSUMER = "notification-service.escalation-events";

    private final EventRouter router;

    EscalationEventConsumer(IdempotentConsumer idempotent, ReportFactsService facts, NotificationDispatch dispatch,
            DeadlineReminders reminders) {
        this.router = Routes.everyTypeOf(EventRouter.of(CONSUMER, idempotent), Topics.ESCALATION, (event, payload) -> {
            Uni<Void> scheduled = switch (payload) {
                case EscalationOpened opened -> reminders.opened(opened);
                case EscalationChanged changed when !EventType.ESCALATION_ACKNOWLEDGED.type().equals(event.type())
                        && !EventType.ESCALATION_PROGRESSED.type().equals(event.type()) -> reminders.answered(changed);
                default -> Uni.createFrom().voidItem();
            };
            UUID report = UUID.fromString(event.data().path("reportId").asText());
            return scheduled.chain(() -> facts.find(report)).chain(known -> dispatch.dispatch(event, known));
        });
    }

    @Incoming("lookout-escalation-v1")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }
}
