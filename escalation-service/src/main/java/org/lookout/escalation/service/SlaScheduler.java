package org.lookout.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.ClockState;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.messaging.SlaEvents;
import org.lookout.escalation.repository.CommunityRepository;
import org.lookout.escalation.repository.SlaClockRepository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Fires each clock's warning (75 % of its working time) and breach (100 %) exactly once, as events through the outbox.
 * Clocks are claimed {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction as their event, so several
 * instances share the work and none fires anything twice. Time comes from the injectable {@link Clock}.
 */
@ApplicationScoped
public class SlaScheduler {

    /** What one sweep did. */
    public record Sweep(int warned, int breached) {
    }

    private static final Logger LOG = Logger.getLogger(SlaScheduler.class);

    private final SlaClockRepository clocks;
    private final CommunityRepository communities;
    private final SlaEvents events;
    private final AutomaticEscalations escalations;
    private final EscalationConfig config;
    private final Clock clock;
    private final Counter warnings;
    private final Counter breaches;

    SlaScheduler(SlaClockRepository clocks, CommunityRepository communities, SlaEvents events,
            AutomaticEscalations escalations, EscalationConfig config, Clock clock, MeterRegistry registry) {
        this.clocks = clocks;
        this.communities = communities;
        this.events = events;
        this.escalations = escalations;
        this.config = config;
        this.clock = clock;
        this.warnings = registry.counter("lookout.sla.warnings");
        this.breaches = registry.counter("lookout.sla.breaches");
    }

    @Scheduled(identity = "sla-sweep", every = "${lookout.escalation.sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** Breaches first, so a clock that is past both points is breached and not also warned. */
    public Uni<Sweep> sweep() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> clocks.lockBreachesDue(now, config.sweepBatchSize())
                .chain(due -> each(due, clockToBreach -> breach(clockToBreach, now))))
                .chain(breached -> Panache.withTransaction(() -> clocks.lockWarningsDue(now, config.sweepBatchSize())
                        .chain(due -> each(due, clockToWarn -> warn(clockToWarn, now))))
                        .map(warned -> new Sweep(warned, breached)))
                .invoke(sweep -> {
                    if (sweep.warned() + sweep.breached() > 0) {
                        LOG.infof("SLA sweep at %s: %d warnings, %d breaches", now, sweep.warned(), sweep.breached());
                    }
                });
    }

    private Uni<Void> warn(SlaClock due, Instant now) {
        due.warnedAt = now;
        warnings.increment();
        return communities.streetOf(due.communityCode).chain(street -> events.warning(due, street));
    }

    private Uni<Void> breach(SlaClock due, Instant now) {
        due.state = ClockState.BREACHED;
        due.breachedAt = now;
        breaches.increment();
        // a breached response clock escalates to the street office in the same transaction as the breach
        return communities.streetOf(due.communityCode).chain(street -> events.breached(due, street)
                .chain(() -> escalations.onBreached(due, street, now)));
    }

    /** One after the other: a reactive session serves one operation at a time. */
    private static Uni<Integer> each(List<SlaClock> due, Function<SlaClock, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SlaClock one : due) {
            chain = chain.chain(() -> action.apply(one));
        }
        return chain.replaceWith(due.size());
    }
}
