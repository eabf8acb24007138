package org.lookout.gateway.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** The answers the gateway gives on its own behalf, each one problem+json and never a stack trace. */
public final class Problems {

    private Problems() {
    }

    public static Problem unauthorized(RoutingContext ctx, String detail) {
        return of(ctx, 401, "unauthorized", "Authentication required", detail);
    }

    public static Problem tooManyRequests(RoutingContext ctx) {
        return of(ctx, 429, "rate-limited", "Too many requests",
                "This client has sent too many requests; retry after the time given in Retry-After.");
    }

    public static Problem payloadTooLarge(RoutingContext ctx, long limitBytes) {
        return of(ctx, 413, "payload-too-large", "Request body too large",
                "The request body exceeds the limit of " + limitBytes + " bytes for this route.");
    }

    public static Problem upstreamUnavailable(RoutingContext ctx, String upstream) {
        return of(ctx, 503, "service-unavailable", "Service unavailable",
                "The " + upstream + " is not reachable at the moment; retry later.");
    }

    public static Problem upstreamTimeout(RoutingContext ctx, String upstream) {
        return of(ctx, 504, "service-timeout", "Service did not answer in time",
                "The " + upstream + " did not answer within this route's timeout; retry later.");
    }

    public static Problem badGateway(RoutingContext ctx, String upstream) {
        return of(ctx, 502, "bad-gateway", "Bad gateway",
                "The " + upstream + " closed the exchange before a complete answer.");
    }

    public static Problem of(RoutingContext ctx, int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail, ctx.normalizedPath(), RequestIds.of(ctx));
    }

    /** Writes the problem as the complete answer; extra headers (Retry-After, WWW-Authenticate) go first. */
    public static void send(RoutingContext ctx, Problem problem, String... headerNamesAndValues) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            response.putHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.toJson());
    }
}
