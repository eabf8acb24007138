package org.lookout.escalation.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.messaging.outgoing.SlaEvents;
import org.lookout.escalation.reference.ReferenceData;

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
    private final ReferenceData references;
    private final SlaEvents events;
    private final ClockBreachFollowUp followUp;
    private final EscalationConfig config;
    private final Clock clock;
    private final Counter warnings;
    private final Counter breaches;

    SlaScheduler(SlaClockRepository clocks, ReferenceData references, SlaEvents events, ClockBreachFollowUp followUp,
            EscalationConfig config, Clock clock, MeterRegistry registry) {
        this.clocks = clocks;
        this.references = references;
        this.events = events;
        this.followUp = followUp;
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

    private Uni<Integer> warn(SlaClock due, Instant now) {
        if (!due.warn(now)) {
            return Uni.createFrom().item(0);
        }
        warnings.increment();
        return references.knownStreetOf(due.communityCode).chain(street -> events.warning(due, street)).replaceWith(1);
    }

    private Uni<Integer> breach(SlaClock due, Instant now) {
        if (!due.breach(now)) {
            return Uni.createFrom().item(0);
        }
        breaches.increment();
        // what follows the breach (an escalation to the street office) is in the same transaction as the breach
        return references.knownStreetOf(due.communityCode).chain(street -> events.breached(due, street)
                .chain(() -> followUp.breached(due, street, now))).replaceWith(1);
    }

    /** One after the other (a reactive session serves one operation at a time); answers how many moved. */
    private static Uni<Integer> each(List<SlaClock> due, Function<SlaClock, Uni<Integer>> action) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (SlaClock one : due) {
            chain = chain.chain(count -> action.apply(one).map(moved -> count + moved));
        }
        return chain;
    }
}
