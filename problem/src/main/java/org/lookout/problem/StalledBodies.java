package org.lookout.problem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body that stops coming is ended by the service itself, not left to the REST layer. Quarkus REST reads a body in
 * one of two ways: the first bytes (up to {@code quarkus.rest.input-buffer-size}) on the event loop, the rest by a
 * blocking read that gives up after {@code quarkus.http.read-timeout} without a byte. Only the blocking read has a
 * deadline; a body that stalls in the first way (rarely on NIO, often on epoll: a reset the event loop saw while the
 * body was paused) waited forever, with no line in the log.
 * <p>
 * So every request that carries a body is looked at once per read timeout: when no byte came since the last look and
 * the body has not ended, the caller stopped sending; one INFO line says so (the same words as the blocking read's
 * failure, {@link ProblemMappers}) and the connection is closed. Whichever of the two notices first logs: the other
 * sees {@link #claim the claim} taken and stays silent. A body that keeps coming, however slowly, is never cut here.
 */
@ApplicationScoped
public class StalledBodies {

    static final String STALLED_LINE = "the client stopped sending its body during %s: connection closed, nothing answered";
    private static final String CLAIM = "lookout.body-abort-logged";
    private static final Logger LOG = Logger.getLogger(StalledBodies.class);

    private final Vertx vertx;
    private final long periodMillis;

    StalledBodies(Vertx vertx, @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s") Duration readTimeout) {
        this.vertx = vertx;
        this.periodMillis = Math.max(1, readTimeout.toMillis());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::watch);
    }

    /**
     * Whether the caller of {@code context} may still have its going-away logged: the first caller of this for a
     * request gets {@code true}, every later one {@code false}. A request this class did not watch is always
     * {@code true}.
     */
    static boolean claim(RoutingContext context) {
        AtomicBoolean logged = context == null ? null : context.get(CLAIM);
        return logged == null || logged.compareAndSet(false, true);
    }

    private void watch(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (carriesBody(request)) {
            context.put(CLAIM, new AtomicBoolean());
            Watch watch = new Watch(context);
            watch.timer = vertx.setPeriodic(periodMillis, watch::look);
            context.addEndHandler(ended -> vertx.cancelTimer(watch.timer));
        }
        context.next();
    }

    private static boolean carriesBody(HttpServerRequest request) {
        if (request.isEnded() || request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && !"0".equals(length.strip());
    }

    /** One request's body under watch: the bytes read at the last look. */
    private final class Watch {

        private final RoutingContext context;
        private long seen = -1;
        long timer;

        Watch(RoutingContext context) {
            this.context = context;
        }

        void look(long id) {
            HttpServerRequest request = context.request();
            if (request.isEnded() || context.response().ended() || context.response().closed()) {
                vertx.cancelTimer(id);
                return;
            }
            long read = request.bytesRead();
            if (read != seen) {
                seen = read;
                return;
            }
            vertx.cancelTimer(id);
            if (claim(context)) {
                LOG.infof(STALLED_LINE, request.method() + " " + LoggedText.of(request.path()));
            }
            request.connection().close();
        }
    }
}
