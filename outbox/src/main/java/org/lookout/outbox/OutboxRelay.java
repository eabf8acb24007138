package org.lookout.outbox;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.lookout.contracts.CloudEventKafka;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes pending outbox rows to Kafka and marks them published only after the broker acknowledged them (acks=all,
 * idempotent producer). Safe with several instances: each poll takes a transaction-scoped advisory lock, so exactly one
 * instance relays at a time and per-aggregate order is kept; rows are read {@code FOR UPDATE SKIP LOCKED} so a
 * concurrent purge or inspection never blocks it. Delivery is at least once; consumers de-duplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Any constant distinct from other advisory locks in the same database. */
    static final long RELAY_LOCK = 0x4c4f4f4b4f5554L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final EventTracing tracing;
    private final Counter published;
    private final Counter failed;
    /** Rounds that found the database away since it last answered, and when the first of them failed. */
    private volatile int roundsWithoutDatabase;
    private volatile long databaseAwaySince;

    @Inject
    OutboxRelay(@Channel("lookout-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter, OutboxConfig config, MeterRegistry registry, EventTracing tracing) {
        this.emitter = emitter;
        this.config = config;
        this.tracing = tracing;
        this.published = registry.counter("lookout.outbox.published");
        this.failed = registry.counter("lookout.outbox.failed");
    }

    /**
     * One relay round. Skipped until the application has started: a tick that came earlier would create this bean
     * before SmallRye has connected the emitter to its channel (SRMSG00019 in every service's start-up log).
     */
    @Scheduled(identity = "outbox-relay", every = "${lookout.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        // until the Kafka channel is connected at start-up nothing could be sent: skip the round, keep the rows
        if (!emitter.hasRequests()) {
            return Uni.createFrom().voidItem();
        }
        return relayPending()
                .onItem().invoke(this::databaseAnswered)
                .onFailure(failure -> ConsumerFailure.of(failure) == ConsumerFailure.OUTAGE)
                .recoverWithItem(this::databaseAway)
                .replaceWithVoid();
    }

    /**
     * The rows wait in the database, so nothing is lost while it is away; the next round tries again. One line when the
     * outage begins and one when it ends, instead of a stack trace every round.
     */
    private Integer databaseAway(Throwable failure) {
        if (roundsWithoutDatabase++ == 0) {
            databaseAwaySince = System.nanoTime();
            Throwable telling = ConsumerFailure.telling(failure);
            LOG.warnf("outbox relay: the database is away (%s: %s); pending events wait, every round tries again",
                    telling.getClass().getName(), telling.getMessage());
        }
        return 0;
    }

    private void databaseAnswered() {
        if (roundsWithoutDatabase > 0) {
            LOG.infof("outbox relay: the database is back after %d failed rounds, %.1f s", roundsWithoutDatabase,
                    (System.nanoTime() - databaseAwaySince) / 1e9);
            roundsWithoutDatabase = 0;
        }
    }

    /** Relays what is pending now; answers how many events were published. */
    public Uni<Integer> relayPending() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)", Object.class)
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult()
                .chain(locked -> !Boolean.TRUE.equals(locked) ? Uni.createFrom().item(0) : session
                        .createNativeQuery("select * from outbox_event where published_at is null"
                                + " order by position limit :limit for update skip locked", OutboxEvent.class)
                        .setParameter("limit", config.batchSize())
                        .getResultList()
                        .chain(this::publish))));
    }

    private Uni<Integer> publish(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        Map<String, List<OutboxEvent>> byAggregate = rows.stream()
                .collect(Collectors.groupingBy(row -> row.partitionKey, LinkedHashMap::new, Collectors.toList()));
        List<Uni<Integer>> chains = byAggregate.values().stream()
                .map(aggregateRows -> publishInOrder(aggregateRows.iterator(), 0, onContext))
                .toList();
        return Uni.join().all(chains).andFailFast()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    /** One aggregate's rows, one after the other; the first failure stops the chain so nothing overtakes it. */
    private Uni<Integer> publishInOrder(Iterator<OutboxEvent> rows, int sent, Executor onContext) {
        if (!rows.hasNext()) {
            return Uni.createFrom().item(sent);
        }
        OutboxEvent row = rows.next();
        Span span = tracing.startPublish(row);
        return emitter.sendMessage(toMessage(row, span))
                .emitOn(onContext)
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR);
                        span.end();
                        row.attempts++;
                        row.lastError = abbreviate(failure.toString());
                        failed.increment();
                        LOG.warnf("outbox event %s (%s) not published, attempt %d: %s", row.eventId, row.type,
                                row.attempts, failure.getMessage());
                        return Uni.createFrom().item(sent);
                    }
                    span.end();
                    row.publishedAt = Instant.now();
                    published.increment();
                    return publishInOrder(rows, sent + 1, onContext);
                });
    }

    private Message<String> toMessage(OutboxEvent row, Span span) {
        RecordHeaders headers = (RecordHeaders) CloudEventKafka.kafkaHeaders(row.toCloudEvent());
        // the relay's own W3C headers: the channel's tracing is off (it would start a new trace here, in no request)
        tracing.inject(span, headers);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.topic)
                .withKey(row.partitionKey)
                .withHeaders(headers)
                .build();
        return Message.of(row.payload).addMetadata(metadata);
    }

    @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        Instant before = Instant.now().minus(config.retention());
        return Panache.withTransaction(() -> OutboxEvent.delete("publishedAt < ?1", before)).replaceWithVoid();
    }

    private static String abbreviate(String message) {
        return message.length() <= 255 ? message : message.substring(0, 255);
    }
}
