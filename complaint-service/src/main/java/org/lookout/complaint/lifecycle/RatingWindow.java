package org.lookout.complaint.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.contracts.EventType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * ARCHITECTURE §5: a resolved report is closed by a satisfied rating "or when no rating comes within the configured
 * window". Reports are claimed {@code FOR UPDATE SKIP LOCKED} and closed in the same transaction as their history entry
 * and {@code closed} event, so several instances share the work and none closes a report twice. {@code satisfied}
 * stays null: the report counts as not rated. Time comes from the injectable {@link Clock}.
 */
@ApplicationScoped
public class RatingWindow {

    private static final Logger LOG = Logger.getLogger(RatingWindow.class);

    private final ReportRepository reports;
    private final LifecycleService lifecycle;
    private final ComplaintConfig config;
    private final Clock clock;

    RatingWindow(ReportRepository reports, LifecycleService lifecycle, ComplaintConfig config, Clock clock) {
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "rating-window", every = "${lookout.complaint.auto-close-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return closeUnrated().replaceWithVoid();
    }

    /** Closes one batch of resolved reports whose rating window has passed; answers how many. */
    public Uni<Integer> closeUnrated() {
        Instant now = clock.instant();
        String note = "closed without a rating: none came within " + describe(config.ratingWindow());
        return Panache.withTransaction(() -> reports
                .lockUnratedResolvedBefore(now.minus(config.ratingWindow()), config.autoCloseBatchSize())
                .chain(due -> closeEach(due, note)))
                .invoke(closed -> {
                    if (closed > 0) {
                        LOG.infof("rating window: %d resolved reports closed without a rating", closed);
                    }
                });
    }

    /** "7 days" rather than PT168H in the ledger. */
    private static String describe(Duration window) {
        long days = window.toDays();
        return window.equals(Duration.ofDays(days)) ? days + " days" : window.toString();
    }

    /** One after the other: a reactive session serves one operation at a time. */
    private Uni<Integer> closeEach(List<Report> due, String note) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Report report : due) {
            chain = chain.chain(() -> lifecycle.applied(report, r -> r.autoClose(clock.instant()),
                    LifecycleService.SYSTEM, note, EventType.COMPLAINT_CLOSED).replaceWithVoid());
        }
        return chain.replaceWith(due.size());
    }
}
