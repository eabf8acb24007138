package org.lookout.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Test-only: a handler that fails the way a bug would, with a message that must not reach the caller or the log. */
@ApplicationScoped
public class FailingRoute {

    public static final String PATH = "/__test/failing";
    public static final String SECRET_MESSAGE = "secret-token-eyJhbGciOi-in-a-message";

    void install(@Observes Router router) {
        router.get(PATH).handler(ctx -> {
            throw new IllegalStateException(SECRET_MESSAGE, new IllegalArgumentException(SECRET_MESSAGE));
        });
    }
}
