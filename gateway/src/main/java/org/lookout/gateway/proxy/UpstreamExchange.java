package org.lookout.gateway.proxy;

import java.net.ConnectException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.lookout.gateway.edge.Problems;
import org.lookout.gateway.edge.RequestIds;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.problem.Problem;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * One request's trip to its upstream on the event loop it arrived on: the normal path and forwarding headers on the
 * way in, hop-by-hop headers stripped both ways, links to the upstream rewritten to the public URL on the way out,
 * and failures of the upstream turned into problem answers. The body is either already read by the edge (the usual
 * case: a slow client never holds an upstream connection while it sends) or streamed, counted against the route's
 * limit. Written on the bare {@link HttpClient} rather than vertx-http-proxy: the profile showed that library's
 * per-exchange objects and its parsing of every response's {@code Date} header (docs/gateway.md#benchmark).
 */
final class UpstreamExchange {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    /** RFC 9110 §7.6.1 hop-by-hop headers, plus Host (the upstream's own) and Expect (the edge answers it). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "expect");
    /** W3C trace context: while the gateway traces, its instrumented client writes its own (its span as the parent). */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** The upstream could not be reached at all: connection refused or not made within the connect timeout. */
    private static final class UpstreamUnavailableException extends RuntimeException {
        UpstreamUnavailableException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final RoutingContext ctx;
    private final String normalPath;
    private final GatewayRoute route;
    private final UpstreamInstances instances;
    private final GatewayMetrics metrics;
    private final PublicLocations publicLocations;
    private final String retryAfterSeconds;
    private final long connectTimeoutMillis;
    private final Buffer readBody;
    private LimitedReadStream limitedBody;

    private UpstreamExchange(RoutingContext ctx, String normalPath, GatewayRoute route, UpstreamInstances instances,
            GatewayMetrics metrics, PublicLocations publicLocations, long retryAfterSeconds, long connectTimeoutMillis,
            Buffer readBody) {
        this.readBody = readBody;
        this.ctx = ctx;
        this.normalPath = normalPath;
        this.route = route;
        this.instances = instances;
        this.metrics = metrics;
        this.publicLocations = publicLocations;
        this.retryAfterSeconds = Long.toString(retryAfterSeconds);
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Forwards the request; {@code readBody} is its body when the edge has read it already, null when it has none or
     * it streams ({@link EdgeBodies#declaresBody}).
     */
    static void forward(RoutingContext ctx, String normalPath, GatewayRoute route, HttpClient client,
            UpstreamInstances instances, GatewayMetrics metrics, PublicLocations publicLocations, long retryAfterSeconds,
            long connectTimeoutMillis, Buffer readBody) {
        new UpstreamExchange(ctx, normalPath, route, instances, metrics, publicLocations, retryAfterSeconds,
                connectTimeoutMillis, readBody).send(client);
    }

    /**
     * Opens the request on the upstream's next instance in turn; an instance that cannot be connected to (nothing has
     * been sent yet, so moving on is safe for any method) is passed over for the next, at most once around.
     */
    private Future<HttpClientRequest> open(HttpClient client, HttpServerRequest incoming, int turn, int left) {
        URI url = instances.url(route.upstream(), turn, route.upstreamUrl());
        return client.request(upstreamRequest(incoming, url)).recover(failure -> left > 1
                ? open(client, incoming, turn + 1, left - 1)
                : Future.failedFuture(failure));
    }

    private void send(HttpClient client) {
        HttpServerRequest incoming = ctx.request();
        boolean streamed = readBody == null && EdgeBodies.declaresBody(incoming);
        if (streamed) {
            incoming.pause();
        }
        int instanceCount = instances.count(route.upstream());
        open(client, incoming, instances.firstTurn(route.upstream()), instanceCount).onComplete(opened -> {
            if (opened.failed()) {
                answerFailure(new UpstreamUnavailableException(opened.cause()));
                return;
            }
            HttpClientRequest outgoing = opened.result();
            Future<HttpClientResponse> answered;
            if (readBody != null) {
                answered = outgoing.send(readBody);
            } else if (streamed) {
                EdgeBodies.continueIfExpected(ctx);
                limitedBody = new LimitedReadStream(incoming, route.maxBodyBytes());
                answered = outgoing.send(limitedBody);
            } else {
                answered = outgoing.send();
            }
            answered.onComplete(response -> {
                if (response.succeeded()) {
                    respond(response.result());
                } else {
                    answerFailure(response.cause());
                }
            });
        });
    }

    private RequestOptions upstreamRequest(HttpServerRequest incoming, URI url) {
        MultiMap headers = HttpHeaders.headers();
        Set<String> listed = connectionListed(incoming.headers());
        // tracing off: the caller's trace context passes through as it came, like any end-to-end header
        boolean traced = Span.current().getSpanContext().isValid();
        for (Map.Entry<String, String> header : incoming.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && (listed == null || !listed.contains(name))
                    && !(traced && TRACE_CONTEXT.contains(name))) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        String clientAddress = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
        if (clientAddress != null) {
            String prior = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", prior == null ? clientAddress : prior + ", " + clientAddress);
        }
        headers.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        // forward the path the route was chosen on, so no spelling of it can route past the edge's decision
        String query = incoming.query();
        int port = url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return new RequestOptions()
                .setMethod(incoming.method())
                .setHost(url.getHost())
                .setPort(port)
                .setSsl("https".equalsIgnoreCase(url.getScheme()))
                .setURI(query == null ? normalPath : normalPath + '?' + query)
                .setHeaders(headers)
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(route.timeout().toMillis());
    }

    private void respond(HttpClientResponse upstream) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            upstream.request().reset();
            return;
        }
        response.setStatusCode(upstream.statusCode());
        MultiMap headers = response.headers();
        Set<String> listed = connectionListed(upstream.headers());
        String callerHost = null;
        for (Map.Entry<String, String> header : upstream.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (NOT_RETURNED.contains(name) || listed != null && listed.contains(name)) {
                continue;
            }
            String value = header.getValue();
            if (name.equals("location") || name.equals("content-location")) {
                if (callerHost == null) {
                    callerHost = ctx.request().authority() == null ? "" : ctx.request().authority().toString();
                }
                value = publicLocations.rewrite(value, ctx.request().scheme(), callerHost.isEmpty() ? null : callerHost);
            }
            headers.add(header.getKey(), value);
        }
        int status = upstream.statusCode();
        boolean bodiless = ctx.request().method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
        if (!bodiless && upstream.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        upstream.pipe().endOnFailure(false).to(response).onFailure(broken -> {
            // the upstream broke mid-answer (or the caller left): the head is out, so only a reset is honest
            if (!response.closed()) {
                metrics.recordUpstreamError(route.name(), route.upstream(), "broken");
                response.reset();
            }
            upstream.request().reset();
        });
    }

    private void answerFailure(Throwable failure) {
        if (ctx.response().closed() || ctx.response().ended()) {
            // the caller went away mid-exchange: nothing to answer and nothing the upstream did wrong
            return;
        }
        if (limitedBody != null && limitedBody.exceeded()) {
            Problems.sendAndClose(ctx, Problems.payloadTooLarge(ctx, route.maxBodyBytes()));
            return;
        }
        Problem problem;
        if (failure instanceof UpstreamUnavailableException || failure instanceof ConnectException) {
            problem = Problems.upstreamUnavailable(ctx, route.upstream());
            metrics.recordUpstreamError(route.name(), route.upstream(), "unavailable");
        } else if (failure instanceof TimeoutException) {
            problem = Problems.upstreamTimeout(ctx, route.upstream());
            metrics.recordUpstreamError(route.name(), route.upstream(), "timeout");
        } else {
            problem = Problems.badGateway(ctx, route.upstream());
            metrics.recordUpstreamError(route.name(), route.upstream(), "broken");
        }
        LOG.warnf("route %s: %s answered %d (%s), request %s", route.name(), route.upstream(), problem.status(),
                failure.getClass().getSimpleName(), RequestIds.of(ctx));
        Problems.send(ctx, problem, HttpHeaders.RETRY_AFTER.toString(), retryAfterSeconds);
    }

    /** The header names a {@code Connection} header lists (lower case), or null when there are none. */
    private static Set<String> connectionListed(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null) {
            return null;
        }
        Set<String> names = new java.util.HashSet<>();
        for (String listed : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String name : listed.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty() && !trimmed.equals("close") && !trimmed.equals("keep-alive")) {
                    names.add(trimmed);
                }
            }
        }
        return names;
    }
}
