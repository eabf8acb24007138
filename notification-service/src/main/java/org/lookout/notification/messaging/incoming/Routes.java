package org.lookout.notification.messaging.incoming;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.outbox.EventRouter;

import io.smallrye.mutiny.Uni;

/** Registers one handler for every type a topic carries: the rules decide what each type means, the data is read by name. */
final class Routes {

    interface Handler {
        Uni<?> handle(CloudEvent event, Object payload);
    }

    private Routes() {
    }

    static EventRouter everyTypeOf(EventRouter router, String topic, Handler handler) {
        for (EventType type : EventType.values()) {
            if (type.topic().equals(topic)) {
                register(router, type, type.payload(), handler);
            }
        }
        return router;
    }

    private static <T> void register(EventRouter router, EventType type, Class<T> payload, Handler handler) {
        router.on(type, payload, handler::handle);
    }
}
