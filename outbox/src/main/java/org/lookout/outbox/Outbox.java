package org.lookout.outbox;

import java.time.Instant;
import java.util.Objects;

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

    private final String source;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/lookout/" + applicationName;
    }

    /**
     * @param type        what happened; its topic is where the event goes
     * @param aggregateId the aggregate's id: the CloudEvents {@code subject} and the record key, which keeps one
     *                    aggregate's events in order
     * @param at          when it happened (the CloudEvents {@code time})
     * @param payload     the type's payload record
     */
    public Uni<Void> publish(EventType type, String aggregateId, Instant at, Object payload) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName() + ", not "
                    + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
        return append(type.topic(), aggregateId, CloudEvent.of(source, type, aggregateId, at, payload));
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
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.publish must run inside the transaction of the change it announces (@WithTransaction)"))
                .chain(transaction -> OutboxEvent.of(topic, partitionKey, event).persist())
                .replaceWithVoid();
    }
}
