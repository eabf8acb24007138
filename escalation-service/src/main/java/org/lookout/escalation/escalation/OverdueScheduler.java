package org.lookout.escalation.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.contracts.EventType;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.messaging.outgoing.EscalationEvents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Marks the parts of escalations whose agencies' deadline passed (open or acknowledged) OVERDUE and publishes
 * {@code deadline-missed} once per part. Escalations are claimed {@code FOR UPDATE SKIP LOCKED} and marked in the same
 * transaction as their events, so several instances share the work and none fires anything twice. Time comes from the
 * injectable {@link Clock}.
 */
@ApplicationScoped
public class OverdueScheduler {

    private static final Logger LOG = Logger.getLogger(OverdueScheduler.class);

    private final EscalationRepository escalations;
    private final EscalationPartRepository parts;
    private final EscalationEvents events;
    private final EscalationConfig config;
    private final Clock clock;
    private final Counter missed;

    OverdueScheduler(EscalationRepository escalations, EscalationPartRepository parts, EscalationEvents events,
            EscalationConfig config, Clock clock, MeterRegistry registry) {
        this.escalations = escalations;
        this.parts = parts;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.missed = registry.counter("lookout.escalation.deadlines.missed");
    }

    @Scheduled(identity = "escalation-overdue-sweep", every = "${lookout.escalation.overdue-sweep-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** Answers how many parts became overdue. */
    public Uni<Integer> sweep() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> escalations.lockOverdue(now, config.sweepBatchSize())
                .chain(due -> each(due, now)))
                .invoke(marked -> {
                    if (marked > 0) {
                        LOG.infof("overdue sweep at %s: %d parts missed their deadline", now, marked);
                    }
                });
    }

    /** One after the other: a reactive session serves one operation at a time. */
    private Uni<Integer> each(List<Escalation> due, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Escalation escalation : due) {
            chain = chain.chain(count -> markOverdue(escalation, now).map(marked -> count + marked));
        }
        return chain;
    }

    private Uni<Integer> markOverdue(Escalation escalation, Instant now) {
        return parts.of(escalation.id).chain(found -> {
            List<EscalationPart> late = escalation.markOverdue(now, found);
            missed.increment(late.size());
            Uni<Void> published = Uni.createFrom().voidItem();
            for (EscalationPart part : late) {
                published = published.chain(() -> events.changed(EventType.ESCALATION_DEADLINE_MISSED, escalation,
                        part, now, found));
            }
            return published.replaceWith(late.size());
        });
    }
}
