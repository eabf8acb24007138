package org.lookout.outbox;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lookout.contracts.CloudEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in the same transaction as the effect,
 * so a redelivered event (at-least-once relay, consumer restart, rebalance, a replay from the dead-letter topic) is
 * recognised and skipped. It also carries the consumers' retry settings and dead-letter book-keeping, so that every
 * {@link EventRouter} waits out an outage and retries poison the same way.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final Backoff backoff;
    private final DeadLetters deadLetters;
    private final EventTracing tracing;

    @Inject
    IdempotentConsumer(ConsumerRetryConfig retry, DeadLetters deadLetters, EventTracing tracing) {
        this(Backoff.of(retry), deadLetters, tracing);
    }

    /** Without tracing: plain unit tests of a router. */
    protected IdempotentConsumer(Backoff backoff, DeadLetters deadLetters) {
        this(backoff, deadLetters, EventTracing.off());
    }

    private IdempotentConsumer(Backoff backoff, DeadLetters deadLetters, EventTracing tracing) {
        this.backoff = backoff;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    /** How long a consumer waits before it tries an event again while its database is away. */
    public Backoff backoff() {
        return backoff;
    }

    /** The poison policies of the channels and the dead-letter metrics. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** The trace context an event brought with it: each attempt to apply it is a span in the producer's trace. */
    EventTracing tracing() {
        return tracing;
    }

    /**
     * @param consumer a stable name of the consuming logic (two consumers of one event each apply it once)
     * @return true when the effect ran, false when the event had been processed before
     */
    public Uni<Boolean> once(String consumer, CloudEvent event, Supplier<Uni<?>> effect) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (consumer, event_id, event_type, processed_at)"
                        + " values (:consumer, :eventId, :type, now()) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? effect.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE))));
    }
}
