package org.lookout.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Where services put their outgoing events. {@link #append} joins the caller's transaction, so the event is stored if
 * and only if the change it announces is; {@link OutboxRelay} publishes it afterwards. A Kafka outage delays events and
 * never intake.
 */
@ApplicationScoped
public class Outbox {

    /**
     * @param topic        the aggregate's topic
     * @param partitionKey the record key (the report id), which keeps one report's events in order
     */
    public Uni<Void> append(String topic, String partitionKey, CloudEvent event) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the change it announces (@WithTransaction)"))
                .chain(transaction -> OutboxEvent.of(topic, partitionKey, event).persist())
                .replaceWithVoid();
    }
}
