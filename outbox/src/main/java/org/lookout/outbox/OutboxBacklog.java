package org.lookout.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The relay's backlog as metrics for the alerts (deploy/prometheus/alerts.yml): how many outbox rows wait to be sent
 * ({@code lookout_outbox_pending}) and how long the oldest of them has waited ({@code
 * lookout_outbox_oldest_pending_age_seconds}). The count is read every
 * {@code lookout.metrics.outbox-backlog-interval} (15 s) over the
 * pending rows' partial index; the age is computed at scrape time, so it keeps growing while the database is away.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final Clock clock;
    private volatile long pending;
    /** Occurred-at of the oldest pending row; null when nothing waits. */
    private volatile Instant oldest;

    @Inject
    OutboxBacklog(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    OutboxBacklog(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("lookout.outbox.pending", this, backlog -> backlog.pending)
                .description("outbox rows not yet sent to Kafka").strongReference(true).register(registry);
        Gauge.builder("lookout.outbox.oldest.pending.age", this, OutboxBacklog::oldestAgeSeconds)
                .baseUnit("seconds").description("how long the oldest outbox row not yet sent has waited")
                .strongReference(true).register(registry);
    }

    @Scheduled(identity = "outbox-backlog", every = "${lookout.metrics.outbox-backlog-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        // a failed read keeps the last figures: the age still grows, which is what an outage should show
        return refresh().onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reads the backlog now. */
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*), min(occurred_at) from outbox_event where published_at is null",
                        Object[].class)
                .getSingleResult()))
                .invoke(row -> record(((Number) row[0]).longValue(), instant(row[1])))
                .replaceWithVoid();
    }

    void record(long pendingRows, Instant oldestPending) {
        this.oldest = pendingRows == 0 ? null : oldestPending;
        this.pending = pendingRows;
    }

    double oldestAgeSeconds() {
        Instant waiting = oldest;
        return waiting == null ? 0 : Math.max(0, Duration.between(waiting, clock.instant()).toMillis() / 1000.0);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
