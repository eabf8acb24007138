package org.lookout.notification.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationOpened;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.EscalationReminder;
import org.lookout.notification.recipient.ReportFactsService;
import org.lookout.notification.rule.RuleService;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * An agency is reminded {@code reminders.before} its deadline on an escalation (this service's own trigger
 * {@code lookout.notification.escalation-due-soon}, a rule like any other): each agency of an opened escalation gets a
 * reminder, unless its deadline is nearer than that already; answering its part (resolved, returned) or missing the
 * deadline cancels it.
 */
@ApplicationScoped
public class DeadlineReminders {

    public static final String TRIGGER = "lookout.notification.escalation-due-soon";
    private static final int BATCH = 100;

    private final ReminderRepository reminders;
    private final NotificationDispatch dispatch;
    private final ReportFactsService facts;
    private final NotificationConfig config;
    private final Clock clock;

    DeadlineReminders(ReminderRepository reminders, NotificationDispatch dispatch, ReportFactsService facts,
            NotificationConfig config, Clock clock) {
        this.reminders = reminders;
        this.dispatch = dispatch;
        this.facts = facts;
        this.config = config;
        this.clock = clock;
        if (!RuleService.OWN_TRIGGERS.contains(TRIGGER)) {
            throw new IllegalStateException(TRIGGER + " must be one of the rule service's own triggers");
        }
    }

    /** In the consumer's transaction. */
    public Uni<Void> opened(EscalationOpened opened) {
        Instant remindAt = opened.dueAt().minus(config.reminders().before());
        if (!remindAt.isAfter(opened.openedAt())) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var agency : opened.agencies()) {
            chain = chain.chain(() -> reminders.of(opened.escalationId(), agency.agencyCode()).chain(held -> {
                if (held != null) {
                    return Uni.createFrom().voidItem();
                }
                EscalationReminder reminder = new EscalationReminder();
                reminder.escalationId = opened.escalationId();
                reminder.agencyCode = agency.agencyCode();
                reminder.reportId = opened.reportId();
                reminder.dueAt = opened.dueAt();
                reminder.remindAt = remindAt;
                reminder.state = EscalationReminder.State.WAITING;
                return reminders.persist(reminder).replaceWithVoid();
            }));
        }
        return chain;
    }

    /** The agency answered its part, or its deadline passed: no reminder. In the consumer's transaction. */
    public Uni<Void> answered(EscalationChanged changed) {
        return reminders.of(changed.escalationId(), changed.agencyCode()).invoke(held -> {
            if (held != null && held.state == EscalationReminder.State.WAITING) {
                held.state = EscalationReminder.State.CANCELLED;
            }
        }).replaceWithVoid();
    }

    @Scheduled(identity = "escalation-reminders", every = "${lookout.notification.reminders.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return remind().replaceWithVoid();
    }

    /** Sends the due reminders; answers how many. */
    public Uni<Integer> remind() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> reminders.due(now, BATCH).chain(due -> each(due, now)));
    }

    private Uni<Integer> each(List<EscalationReminder> due, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (EscalationReminder reminder : due) {
            chain = chain.chain(count -> send(reminder, now).replaceWith(count + 1));
        }
        return chain;
    }

    private Uni<Void> send(EscalationReminder reminder, Instant now) {
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("escalationId", reminder.escalationId.toString())
                .put("reportId", reminder.reportId.toString())
                .put("agencyCode", reminder.agencyCode)
                .put("dueAt", reminder.dueAt.toString());
        CloudEvent event = new CloudEvent("reminder:" + reminder.escalationId + ":" + reminder.agencyCode,
                "/lookout/notification-service", TRIGGER, reminder.reportId.toString(), now, data);
        reminder.state = EscalationReminder.State.SENT;
        return facts.find(reminder.reportId).chain(known -> dispatch.dispatch(event, known));
    }
}
