package org.lookout.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventType;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;

/**
 * A consumer of the test application whose handler fails as a test says, per event id: a few times, or always (with a
 * message that quotes a name, as a careless exception might). It counts how often each event was applied.
 */
@ApplicationScoped
public class TroubledConsumer {

    static final String CHANNEL = "outbox-test-events";
    static final String TOPIC = "outbox-test.events";
    static final String DEAD_LETTER_TOPIC = "outbox-test.dlq";
    static final String CONSUMER = "outbox-test.troubled";

    private final EventRouter router;
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    /** The span current while the handler applied an event (OutboxTracingTest). */
    private final Map<String, SpanContext> currentSpans = new ConcurrentHashMap<>();

    TroubledConsumer(IdempotentConsumer idempotent) {
        this.router = EventRouter.of(CONSUMER, idempotent).on(EventType.COMPLAINT_SUBMITTED, ComplaintSubmitted.class,
                (event, report) -> {
                    AtomicInteger left = failuresLeft.get(event.id());
                    if (left != null && left.getAndDecrement() > 0) {
                        return Uni.createFrom().failure(
                                new IllegalStateException("report of Jane Roe at 12 Hill Street cannot be taken"));
                    }
                    applied.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
                    currentSpans.put(event.id(), Span.current().getSpanContext());
                    return Uni.createFrom().voidItem();
                });
    }

    @Incoming(CHANNEL)
    Uni<Void> consume(ConsumerRecord<String, String> record) {
        return router.route(record);
    }

    void failTimes(String eventId, int times) {
        failuresLeft.put(eventId, new AtomicInteger(times));
    }

    void heal(String eventId) {
        failuresLeft.remove(eventId);
    }

    SpanContext spanWhileApplying(String eventId) {
        return currentSpans.get(eventId);
    }

    int applied(String eventId) {
        AtomicInteger count = applied.get(eventId);
        return count == null ? 0 : count.get();
    }
}
