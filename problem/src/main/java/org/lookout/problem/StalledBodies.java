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
 * A body that stops coming is ended by the service itself, and said so once, not left to the REST layer. Quarkus REST
 * reads a body in one of two ways: the first bytes (up to {@code quarkus.rest.input-buffer-size}, 10 kB) on the event
 * loop, the rest by a blocking read that gives up after {@code quarkus.http.read-timeout} without a byte and closes the
 * connection. Only the blocking read has a deadline, and its failure did not always reach {@link ProblemMappers} (a
 * 50 kB body that stalled then had no line at all, rarely on NIO, more often on epoll).
 * <p>
 * So every request that carries a body is looked at every half read timeout. A body that got no byte for a whole read
 * timeout and has not ended: the caller stopped sending; one INFO line says so (the blocking read's words) and the
 * connection is closed. A connection found closed at two looks in a row, with the body not ended and nothing answered:
 * the caller went away (or the blocking read gave up) and, if nobody said so in the meantime, the same line, or "closed
 * the connection" when bytes were still coming. Whichever of this class and the mappers notices first logs: the other
 * sees {@link #claim the claim} taken and stays silent. A body that keeps coming, however slowly, is never cut here.
 */
@ApplicationScoped
public class StalledBodies {

    static final String STALLED_LINE =
            "the client stopped sending its body during %s: connection closed, nothing answered";
    static final String CLOSED_LINE = "the client closed the connection during %s: nothing answered";
    private static final String CLAIM = "lookout.body-abort-logged";
    private static final Logger LOG = Logger.getLogger(StalledBodies.class);

    private final Vertx vertx;
    private final long readTimeoutNanos;

    StalledBodies(Vertx vertx,
            @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s") Duration readTimeout) {
        this.vertx = vertx;
        this.readTimeoutNanos = Math.max(2_000_000, readTimeout.toNanos());
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
            watch.timer = vertx.setPeriodic(readTimeoutNanos / 2_000_000, watch::look);
            // answered: done; the connection closed instead: the looks go on, to say so if nobody else does
            context.addEndHandler(ended -> {
                if (ended.succeeded()) {
                    vertx.cancelTimer(watch.timer);
                }
            });
        }
        context.next();
    }

    private static boolean carriesBody(HttpServerRequest request) {
        if (request.isEnded() || request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !"0".equals(length.strip());
    }

    /** One request's body under watch: the bytes read at the last look, when they last grew, whether it was closed. */
    private final class Watch {

        private final RoutingContext context;
        private long seen;
        private long grewAt = System.nanoTime();
        private boolean closedBefore;
        long timer;

        Watch(RoutingContext context) {
            this.context = context;
            this.seen = context.request().bytesRead();
        }

        void look(long id) {
            HttpServerRequest request = context.request();
            if (request.isEnded() || context.response().ended()) {
                vertx.cancelTimer(id);
                return;
            }
            long now = System.nanoTime();
            long read = request.bytesRead();
            boolean stalled = read == seen && now - grewAt >= readTimeoutNanos;
            if (read != seen) {
                seen = read;
                grewAt = now;
            }
            if (context.response().closed()) {
                if (closedBefore) { // a look's time for the mappers to say it first
                    vertx.cancelTimer(id);
                    log(request, now - grewAt >= readTimeoutNanos ? STALLED_LINE : CLOSED_LINE);
                }
                closedBefore = true;
                return;
            }
            if (stalled) {
                vertx.cancelTimer(id);
                log(request, STALLED_LINE);
                request.connection().close();
            }
        }

        private void log(HttpServerRequest request, String line) {
            if (claim(context)) {
                LOG.infof(line, request.method() + " " + LoggedText.of(request.path()));
            }
        }
    }
}
