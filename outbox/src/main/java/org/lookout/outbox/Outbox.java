package org.lookout.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Where services put their outgoing events. {@link #publish} joins the caller's transaction, so the event is stored if
 * and only if the change it announces is; {@link OutboxRelay} publishes it afterwards. A Kafka outage delays events and
 * never intake. The topic comes from the event type and the CloudEvents {@code source} from the application's name, so
 * a service cannot write a type to another aggregate's topic or under another service's name.
 */
@ApplicationScoped
public class Outbox {

    /** Every topic an event type names: copies never go there. */
    private static final Set<String> AGGREGATE_TOPICS = Arrays.stream(EventType.values()).map(EventType::topic)
            .collect(Collectors.toUnmodifiableSet());

    private final String source;
    private final EventTracing tracing;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName, EventTracing tracing) {
        this.source = "/lookout/" + applicationName;
        this.tracing = tracing;
    }

    /**
     * @param type        what happened; its topic is where the event goes
     * @param aggregateId the aggregate's id: the CloudEvents {@code subject} and the record key, which keeps one
     *                    aggregate's events in order
     * @param at          when it happened (the CloudEvents {@code time})
     * @param payload     the type's payload record
     */
    public Uni<Void> publish(EventType type, String aggregateId, Instant at, Object payload) {
        return publish(type, aggregateId, at, payload, Set.of());
    }

    /**
     * The same event — one {@code ce_id}, type, source, subject, time and data — on the type's topic and on each of
     * {@code copies}, one outbox row per topic, all in the caller's transaction: a consumer of a copy (e.g. an agency's
     * own topic) de-duplicates on the same id as a consumer of the original. A copy may not be an aggregate's topic (no
     * service writes a type to another aggregate's topic through a copy either).
     */
    public Uni<Void> publish(EventType type, String aggregateId, Instant at, Object payload,
            Collection<String> copies) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName() + ", not "
                    + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
        Set<String> topics = new LinkedHashSet<>();
        topics.add(type.topic());
        for (String copy : copies) {
            if (AGGREGATE_TOPICS.contains(copy)) {
                throw new IllegalArgumentException("a copy of " + type.type() + " may not go to the aggregate topic "
                        + copy);
            }
            topics.add(copy);
        }
        CloudEvent event = CloudEvent.of(source, type, aggregateId, at, payload);
        // the change's trace context now, while the caller's span is current: the relay runs in none
        Map<String, String> traceContext = tracing.current();
        Uni<Void> appended = Uni.createFrom().voidItem();
        for (String topic : topics) {
            appended = appended.chain(() -> append(topic, aggregateId, event, traceContext));
        }
        return appended;
    }

    /** The CloudEvents {@code source} of this service's events: {@code /lookout/<quarkus.application.name>}. */
    public String source() {
        return source;
    }

    /**
     * @param topic        the aggregate's topic
     * @param partitionKey the record key (the report id), which keeps one report's events in order
     * @deprecated use {@link #publish}, which cannot put a type on the wrong topic
     */
    @Deprecated(forRemoval = true)
    public Uni<Void> append(String topic, String partitionKey, CloudEvent event) {
        return append(topic, partitionKey, event, tracing.current());
    }

    private Uni<Void> append(String topic, String partitionKey, CloudEvent event, Map<String, String> traceContext) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.publish must run inside the transaction of the change it announces (@WithTransaction)"))
                .chain(transaction -> OutboxEvent.of(topic, partitionKey, event, traceContext).persist())
                .replaceWithVoid();
    }
}
