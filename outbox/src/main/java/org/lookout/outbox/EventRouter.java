package org.lookout.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.MalformedEventException;

import io.smallrye.mutiny.Uni;

/**
 * What every consumer of a Lookout topic does with a record: read the CloudEvent, hand it to the handler of its type
 * exactly once ({@link IdempotentConsumer}), skip types it has no handler for, and fail on a record that is not a valid
 * event so the channel's dead-letter strategy takes it and the next record is read.
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

    /** Completes when the event was applied or skipped; fails when the record is not a valid event. */
    public Uni<Void> route(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> dispatch(CloudEventKafka.fromRecord(record)))
                // the reason may quote the record's content: only where the record was is logged
                .onFailure(MalformedEventException.class).invoke(() -> LOG.warnf(
                        "%s: record %s-%d@%d is not a valid event; sent to the dead-letter topic", consumer,
                        record.topic(), record.partition(), record.offset()));
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
}
