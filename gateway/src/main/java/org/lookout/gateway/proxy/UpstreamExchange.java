package org.lookout.gateway.proxy;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.lookout.gateway.edge.Problems;
import org.lookout.gateway.edge.RequestIds;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.problem.Problem;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One request's trip through {@code vertx-http-proxy} to its upstream: the normal path and forwarding headers on
 * the way in, hop-by-hop headers stripped both ways, links to the upstream rewritten to the public URL on the way
 * out, and failures of the upstream turned into problem answers.
 */
final class UpstreamExchange implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    /** RFC 9110 §7.6.1 hop-by-hop headers; vertx-http-proxy drops them from requests only. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** The upstream could not be reached at all: connection refused or not made within the connect timeout. */
    private static final class UpstreamUnavailableException extends RuntimeException {
        UpstreamUnavailableException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Response headers that carry a link an upstream may have built from its own address. */
    private static final List<String> LINK_HEADERS = List.of("Location", "Content-Location");

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
    private boolean answeredByGateway;

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

    /** Forwards the request; {@code readBody} is its body when the edge has read it already (else it streams). */
    static void forward(RoutingContext ctx, String normalPath, GatewayRoute route, HttpClient client,
            UpstreamInstances instances, GatewayMetrics metrics, PublicLocations publicLocations, long retryAfterSeconds,
            long connectTimeoutMillis, Buffer readBody) {
        UpstreamExchange exchange = new UpstreamExchange(ctx, normalPath, route, instances, metrics, publicLocations,
                retryAfterSeconds, connectTimeoutMillis, readBody);
        HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(exchange::openUpstreamRequest)
                .addInterceptor(exchange)
                .handle(ctx.request());
    }

    /**
     * Opens the request on the upstream's next instance in turn; an instance that cannot be connected to (nothing has
     * been sent yet, so moving on is safe for any method) is passed over for the next, at most once around.
     */
    private Future<HttpClientRequest> openUpstreamRequest(ProxyContext proxyContext) {
        return openOn(proxyContext, instances.firstTurn(route.upstream()), instances.count(route.upstream()));
    }

    private Future<HttpClientRequest> openOn(ProxyContext proxyContext, int turn, int left) {
        URI url = instances.url(route.upstream(), turn, route.upstreamUrl());
        int port = url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl("https".equalsIgnoreCase(url.getScheme()))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(route.timeout().toMillis());
        return proxyContext.client().request(options).recover(failure -> left > 1
                ? openOn(proxyContext, turn + 1, left - 1)
                : Future.failedFuture(new UpstreamUnavailableException(failure)));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext proxyContext) {
        ProxyRequest request = proxyContext.request();
        HttpServerRequest incoming = request.proxiedRequest();
        MultiMap headers = request.headers();
        removeHopByHop(headers);

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
        request.setURI(query == null ? normalPath : normalPath + '?' + query);

        Body body = request.getBody();
        if (readBody != null) {
            request.setBody(Body.body(readBody));
        } else if (body != null && body.length() < 0) {
            limitedBody = new LimitedReadStream(body.stream(), route.maxBodyBytes());
            request.setBody(Body.body(limitedBody, -1));
        }

        return proxyContext.sendRequest().recover(failure -> Future.succeededFuture(answerFailure(request, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext proxyContext) {
        if (!answeredByGateway) {
            MultiMap headers = proxyContext.response().headers();
            removeHopByHop(headers);
            HttpServerRequest incoming = proxyContext.request().proxiedRequest();
            String callerHost = incoming.authority() == null ? null : incoming.authority().toString();
            for (String name : LINK_HEADERS) {
                String link = headers.get(name);
                if (link != null) {
                    headers.set(name, publicLocations.rewrite(link, incoming.scheme(), callerHost));
                }
            }
        }
        return proxyContext.sendResponse();
    }

    private ProxyResponse answerFailure(ProxyRequest request, Throwable failure) {
        answeredByGateway = true;
        Problem problem;
        boolean retryable = true;
        if (ctx.response().closed()) {
            // the caller went away mid-exchange: nothing to answer and nothing the upstream did wrong
            return request.release().response().setStatusCode(499);
        } else if (limitedBody != null && limitedBody.exceeded()) {
            problem = Problems.payloadTooLarge(ctx, route.maxBodyBytes());
            retryable = false;
        } else if (failure instanceof UpstreamUnavailableException || failure instanceof ConnectException) {
            problem = Problems.upstreamUnavailable(ctx, route.upstream());
            metrics.recordUpstreamError(route.name(), route.upstream(), "unavailable");
        } else if (failure instanceof TimeoutException) {
            problem = Problems.upstreamTimeout(ctx, route.upstream());
            metrics.recordUpstreamError(route.name(), route.upstream(), "timeout");
        } else {
            problem = Problems.badGateway(ctx, route.upstream());
            metrics.recordUpstreamError(route.name(), route.upstream(), "broken");
        }
        if (problem.status() >= 500) {
            LOG.warnf("route %s: %s answered %d (%s), request %s", route.name(), route.upstream(), problem.status(),
                    failure.getClass().getSimpleName(), RequestIds.of(ctx));
        }
        ProxyResponse response = request.release().response()
                .setStatusCode(problem.status())
                .setBody(Body.body(Problems.json(problem)))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (retryable) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        } else {
            // the client may still be sending the rest of an oversized body
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        return response;
    }

    private static void removeHopByHop(MultiMap headers) {
        for (String listed : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String name : listed.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty() && !trimmed.equals("close") && !trimmed.equals("keep-alive")) {
                    headers.remove(trimmed);
                }
            }
        }
        for (String name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }
}
