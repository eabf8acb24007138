package org.lookout.complaint.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.problem.FailureStreak;
import org.lookout.complaint.statistics.Rate;
import org.lookout.complaint.statistics.StatisticsRepository.GroupFigures;
import org.lookout.complaint.statistics.StatisticsService;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The month's figures of every community as gauges for the business dashboard (deploy/grafana/), taken from the
 * statistics service so they mean what {@code /api/statistics} means (docs/decisions/complaint-statistics.md): reports
 * received per community and category, and the three rates per community as numerator and denominator (so a street's
 * rate is a sum over its communities, never an average of rates). Labels are community codes, category codes and the
 * rate's name only — bounded sets, never a report, a person or text. Confidential reports count in no community's
 * figures, as in the statistics. Every instance exports the same figures: dashboards take {@code max}.
 */
@ApplicationScoped
public class BusinessMetrics {

    /** Reads everything an administrator's statistics would, with no token behind it. */
    static final Caller READER = new Caller("lookout-business-metrics", Set.of(Roles.ADMIN), Optional.empty(),
            Set.of(), Optional.empty(), Set.of());

    private final FailureStreak reads = new FailureStreak(Logger.getLogger(BusinessMetrics.class),
            "business metrics: the month's figures");

    private final StatisticsService statistics;
    private final MultiGauge reports;
    private final MultiGauge numerators;
    private final MultiGauge denominators;

    BusinessMetrics(StatisticsService statistics, MeterRegistry registry) {
        this.statistics = statistics;
        this.reports = MultiGauge.builder("lookout.month.reports")
                .description("reports received this month (Asia/Shanghai) per community and category")
                .register(registry);
        this.numerators = MultiGauge.builder("lookout.month.rate.numerator")
                .description("this month's response, resolution and satisfaction rates per community: what counts")
                .register(registry);
        this.denominators = MultiGauge.builder("lookout.month.rate.denominator")
                .description("this month's response, resolution and satisfaction rates per community: what is due")
                .register(registry);
    }

    @Scheduled(identity = "business-metrics", every = "${lookout.metrics.business-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        // the last figures stay until a round reads new ones
        return reads.watch(refresh());
    }

    /** Reads this month's figures of every community with reports and replaces the exported ones. */
    public Uni<Void> refresh() {
        return statistics.statistics(null, null, null, "community", READER).chain(month -> {
            List<Tagged> rates = new ArrayList<>();
            Uni<List<Tagged>> perCategory = Uni.createFrom().item(new ArrayList<>());
            for (GroupFigures community : month.groups()) {
                String code = community.key();
                rate(rates, code, "response", community.figures().response());
                rate(rates, code, "resolution", community.figures().resolution());
                rate(rates, code, "satisfaction", community.figures().satisfaction());
                // one after the other: each reads through the same pool, and a street has tens of communities
                perCategory = perCategory.chain(rows -> statistics.publicFigures(code, null, READER).map(figures -> {
                    for (GroupFigures category : figures.categories()) {
                        rows.add(new Tagged(Tags.of("community", code, "category", category.key()),
                                category.figures().count(), 0));
                    }
                    return rows;
                }));
            }
            return perCategory.invoke(rows -> publish(rows, rates));
        }).replaceWithVoid();
    }

    private void publish(List<Tagged> perCategory, List<Tagged> rates) {
        reports.register(perCategory.stream().map(row -> MultiGauge.Row.of(row.tags(), row.first())).toList(), true);
        numerators.register(rates.stream().map(row -> MultiGauge.Row.of(row.tags(), row.first())).toList(), true);
        denominators.register(rates.stream().map(row -> MultiGauge.Row.of(row.tags(), row.second())).toList(), true);
    }

    private static void rate(List<Tagged> rates, String community, String name, Rate rate) {
        rates.add(new Tagged(Tags.of("community", community, "rate", name), rate.numerator(), rate.denominator()));
    }

    private record Tagged(Tags tags, long first, long second) {
    }
}
