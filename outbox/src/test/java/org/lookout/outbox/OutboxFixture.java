package org.lookout.outbox;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.lookout.contracts.EventType;
import org.lookout.testsupport.GoldenEvents;

import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** What the tests do through the library, each call on a Vert.x context of its own as a service's code would run. */
@Singleton
class OutboxFixture {

    private final Outbox outbox;
    private final OutboxRelay relay;

    OutboxFixture(Outbox outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Publishes the golden sample of {@code type} about {@code aggregate} in a transaction of its own. */
    void publish(EventType type, String aggregate) {
        await(() -> Panache.withTransaction(() -> outbox.publish(type, aggregate, Instant.now(), payload(type, aggregate))));
    }

    /** Publishes as {@link #publish} does, inside a trace: {@code context} is current while the change runs. */
    void publishIn(io.opentelemetry.context.Context context, EventType type, String aggregate) {
        await(() -> {
            Scope scope = context.makeCurrent();
            return Panache.withTransaction(() -> outbox.publish(type, aggregate, Instant.now(), payload(type, aggregate)))
                    .eventually(scope::close);
        });
    }

    /** One round of the relay, as the scheduler runs it; answers how many events it published. */
    int relayRound() {
        return await(relay::relayPending);
    }

    void purge() {
        await(relay::purge);
    }

    static Object payload(EventType type, String aggregate) {
        return GoldenEvents.about(type, aggregate, data -> {
        }).dataAs(type.payload());
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
