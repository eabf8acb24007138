package org.lookout.escalation.metrics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.problem.FailureStreak;
import org.lookout.escalation.config.EscalationConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * This month's SLA breaches per community and kind ({@code RESPONSE}, {@code RESOLUTION}) as a gauge for the business
 * dashboard (deploy/grafana/): read from the clocks, so it survives restarts and every instance exports the same
 * figure (dashboards take {@code max}). Labels are community codes and the clock kind only. The alert on breaches
 * rising reads the sweep's counter {@code lookout_sla_breaches_total} instead.
 */
@ApplicationScoped
public class BreachMetrics {

    private final FailureStreak reads = new FailureStreak(Logger.getLogger(BreachMetrics.class),
            "breach metrics: the month's breaches");

    private final BreachCountRepository breaches;
    private final Clock clock;
    private final ZoneId zone;
    private final MultiGauge month;

    BreachMetrics(BreachCountRepository breaches, EscalationConfig config, Clock clock, MeterRegistry registry) {
        this.breaches = breaches;
        this.clock = clock;
        this.zone = config.zone();
        this.month = MultiGauge.builder("lookout.month.sla.breaches")
                .description("SLA clocks breached this month (working-calendar zone) per community and kind")
                .register(registry);
    }

    @Scheduled(identity = "breach-metrics", every = "${lookout.metrics.business-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        // the last figures stay until a round reads new ones
        return reads.watch(refresh());
    }

    /** Reads this month's breaches and replaces the exported ones. */
    public Uni<Void> refresh() {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        return breaches.between(now.atDay(1).atStartOfDay(zone).toInstant(),
                now.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())
                .invoke(counts -> month.register(counts.stream()
                        .map(count -> MultiGauge.Row.of(Tags.of("community", count.community(), "kind", count.kind()),
                                count.breaches()))
                        .toList(), true))
                .replaceWithVoid();
    }
}
