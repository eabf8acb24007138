package org.lookout.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.MalformedEventException;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What every consumer of a Lookout topic does with a record: read the CloudEvent, hand it to the handler of its type
 * exactly once ({@link IdempotentConsumer}), skip types it has no handler for. A failure is classified
 * ({@link ConsumerFailure}): while the consumer's own database is away the record is tried again with back-off until
 * it applies — the channel reads nothing after it meanwhile, so order is kept and no offset is committed past it; any
 * other failure of a handler is tried again as the channel's {@link PoisonPolicy} says (3 tries over about a minute by
 * default), then — like a record that is not a valid event, at once — fails the returned {@code Uni} with a
 * {@link ParkedEventException} so the channel's failure handler ({@link DeadLetterHandler}) parks it and the next
 * record is read.
 *
 * <pre>{@code
 * router = EventRouter.of("notification-service.complaint-events", idempotent)
 *         .on(EventType.COMPLAINT_SUBMITTED, ComplaintSubmitted.class, (event, report) -> inbox.acknowledge(report));
 *
 * @Incoming("lookout-complaint-v1")
 * Uni<Void> consume(ConsumerRecord<String, String> record) { return router.route(record); }
 * }</pre>
 */
public final class EventRouter {

    /** The effect of one event; it runs in the transaction that records the event as processed. */
    @FunctionalInterface
    public interface Handler<T> {
        Uni<?> handle(CloudEvent event, T payload);
    }

    private record Route<T>(Class<T> payloadType, Handler<T> handler) {
    }

    private static final Logger LOG = Logger.getLogger(EventRouter.class);
    /** A log line names the failure, never quotes much of it. */
    private static final int MAX_REASON = 200;

    private final String consumer;
    private final IdempotentConsumer idempotent;
    private final Map<String, Route<?>> routes = new HashMap<>();

    private EventRouter(String consumer, IdempotentConsumer idempotent) {
        this.consumer = consumer;
        this.idempotent = idempotent;
    }

    /** @param consumer the stable name under which this consumer's processed events are recorded */
    public static EventRouter of(String consumer, IdempotentConsumer idempotent) {
        return new EventRouter(consumer, idempotent);
    }

    public <T> EventRouter on(EventType type, Class<T> payloadType, Handler<T> handler) {
        if (!type.payload().equals(payloadType)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName());
        }
        routes.put(type.type(), new Route<>(payloadType, handler));
        return this;
    }

    /**
     * Completes when the event was applied or skipped, after as many attempts as an outage of the database takes; fails
     * with a {@link ParkedEventException} when the record is not a valid event or a handler failed otherwise as often
     * as the channel's poison policy allows.
     */
    public Uni<Void> route(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> new Delivery(record, CloudEventKafka.fromRecord(record),
                Vertx.currentContext()).attempts())
                .onFailure(MalformedEventException.class).transform(malformed -> {
                    // the reason may quote the record's content: only where the record was is logged
                    LOG.warnf("%s: record %s is not a valid event; sent to the dead-letter topic", consumer,
                            coordinates(record));
                    Instant now = Instant.now();
                    return new ParkedEventException(DeadLetterCode.MALFORMED, null, null, 1, now, now, malformed);
                });
    }

    /** One record's way through the consumer: its attempts, each after the back-off of the failures before it. */
    private final class Delivery {

        private final ConsumerRecord<String, String> record;
        private final CloudEvent event;
        /** Where the channel delivered the record; every attempt runs there (Hibernate Reactive requires it). */
        private final Context context;
        private final long began = System.nanoTime();
        private int failedAttempts;
        /** Failed attempts that were not an outage, and when the first and the last of them failed. */
        private int poisonAttempts;
        private Instant firstPoison;
        private Instant lastPoison;

        Delivery(ConsumerRecord<String, String> record, CloudEvent event, Context context) {
            this.record = record;
            this.event = event;
            this.context = context;
        }

        /** Attempts until one succeeds or a failure is not retried; each retry subscribes afresh, nothing nests. */
        Uni<Void> attempts() {
            return Uni.createFrom().deferred(() -> traced(record, event, () -> dispatch(event)))
                    .onFailure().retry().when(failures -> failures.onItem().transformToUniAndConcatenate(this::waitOrFail))
                    .onItem().invoke(this::recovered)
                    .onItem().invoke(() -> idempotent.deadLetters().applied(event.id()));
        }

        /**
         * After a failed attempt: the back-off, then the number of the next attempt (the signal to retry; it must not
         * be null), or the failure itself when it is not retried.
         */
        private Uni<Integer> waitOrFail(Throwable failure) {
            failedAttempts++;
            ConsumerFailure kind = ConsumerFailure.of(failure);
            if (kind != ConsumerFailure.OUTAGE) {
                return poisonWaitOrPark(kind, failure);
            }
            Duration wait = idempotent.backoff().delay(failedAttempts, ThreadLocalRandom.current().nextDouble());
            Throwable telling = ConsumerFailure.telling(failure);
            // class and message only: a stack trace per round would bury the log, and no payload is ever quoted
            LOG.warnf("%s: event %s at %s not applied, attempt %d failed: %s: %s; next attempt in %d ms", consumer,
                    event.id(), coordinates(record), failedAttempts, telling.getClass().getName(),
                    abbreviate(telling.getMessage()), wait.toMillis());
            return after(wait).replaceWith(failedAttempts + 1);
        }

        /** A failure that is not an outage: the channel's poison policy decides between another try and parking. */
        private Uni<Integer> poisonWaitOrPark(ConsumerFailure kind, Throwable failure) {
            poisonAttempts++;
            lastPoison = Instant.now();
            firstPoison = firstPoison == null ? lastPoison : firstPoison;
            PoisonPolicy policy = idempotent.deadLetters().policy(record.topic());
            String reason = failure.getClass().getName() + ": " + abbreviate(failure.getMessage());
            if (!kind.retriedAfter(poisonAttempts, policy.attempts())) {
                DeadLetterCode code = DeadLetterCode.of(failure);
                LOG.warnf("%s: event %s at %s not applied, attempt %d failed: %s; parked on the dead-letter topic (%s)",
                        consumer, event.id(), coordinates(record), poisonAttempts, reason, code.code());
                return Uni.createFrom().failure(new ParkedEventException(code, event.type(), event.id(),
                        poisonAttempts, firstPoison, lastPoison, failure));
            }
            Duration wait = policy.backoff().delay(poisonAttempts, ThreadLocalRandom.current().nextDouble());
            LOG.warnf("%s: event %s at %s not applied, attempt %d of %d failed: %s; next attempt in %d ms", consumer,
                    event.id(), coordinates(record), poisonAttempts, policy.attempts(), reason, wait.toMillis());
            return after(wait).replaceWith(failedAttempts + 1);
        }

        private void recovered() {
            if (failedAttempts > 0) {
                LOG.infof("%s: event %s at %s applied after %d attempts, %.1f s", consumer, event.id(),
                        coordinates(record), failedAttempts + 1, (System.nanoTime() - began) / 1e9);
            }
        }

        /** Completes after the wait, back on the record's Vert.x context when there is one. */
        private Uni<Void> after(Duration wait) {
            long millis = Math.max(1, wait.toMillis());
            if (context == null) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
            }
            return Uni.createFrom().emitter(emitter -> {
                long timer = context.owner().setTimer(millis,
                        fired -> context.runOnContext(ignored -> emitter.complete(null)));
                emitter.onTermination(() -> context.owner().cancelTimer(timer));
            });
        }
    }

    private Uni<Void> dispatch(CloudEvent event) {
        Route<?> route = routes.get(event.type());
        if (route == null) {
            LOG.debugf("%s: skipped event %s of type %s", consumer, event.id(), event.type());
            return Uni.createFrom().voidItem();
        }
        return apply(route, event);
    }

    private <T> Uni<Void> apply(Route<T> route, CloudEvent event) {
        T payload = event.dataAs(route.payloadType());
        return idempotent.once(consumer, event, () -> route.handler().handle(event, payload))
                .invoke(applied -> LOG.debugf("%s: event %s %s", consumer, event.id(),
                        applied ? "applied" : "was processed before; skipped"))
                .replaceWithVoid();
    }

    /**
     * One attempt inside a span of the producer's trace, current while it runs (on the record's Vert.x context), so
     * the events the handler publishes through the outbox carry the same trace onwards. The attempt is built only once
     * the span is current: context propagation gives each callback the context of the moment it was assembled.
     */
    private Uni<Void> traced(ConsumerRecord<String, String> record, CloudEvent event, Supplier<Uni<Void>> attempt) {
        Span span = idempotent.tracing().startProcess(record, consumer, event.type(), event.id());
        if (!span.getSpanContext().isValid()) {
            return attempt.get();
        }
        return Uni.createFrom().deferred(() -> {
            Scope scope = span.makeCurrent();
            return attempt.get().onTermination().invoke((ignored, failure, cancelled) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getName());
                }
                scope.close();
                span.end();
            });
        });
    }

    /** Where a record was read: {@code topic-partition@offset}. */
    private static String coordinates(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String abbreviate(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "…";
    }
}
