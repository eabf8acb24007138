package org.lookout.gateway.edge;

import java.util.Locale;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
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

    public static Problem notFound(RoutingContext ctx, String detail) {
        return of(ctx, 404, "not-found", "Not found", detail);
    }

    public static Problem badRequest(RoutingContext ctx, String detail) {
        return of(ctx, 400, "bad-request", "Bad request", detail);
    }

    public static Problem internalError(RoutingContext ctx) {
        return of(ctx, 500, "internal-error", "Internal error",
                "The gateway could not handle this request; quote the requestId to an operator.");
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

    /** A problem for a status the framework chose (no route, wrong method, …): slug and title from the reason phrase. */
    public static Problem forStatus(RoutingContext ctx, int status) {
        return switch (status) {
            case 400 -> badRequest(ctx, "The request is not a valid HTTP request for this gateway.");
            case 404 -> notFound(ctx, "No Lookout resource has this path.");
            case 405 -> of(ctx, 405, "method-not-allowed", "Method not allowed",
                    "This path does not accept the method " + ctx.request().method().name() + ".");
            default -> {
                String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
                String slug = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                yield of(ctx, status, slug, reason, "The gateway answers " + status + " " + reason + ".");
            }
        };
    }

    public static Problem of(RoutingContext ctx, int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail, RequestPaths.of(ctx), RequestIds.of(ctx));
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

    /**
     * Sends the problem and closes the connection after it: the caller may still be sending a body the gateway
     * will not read (HTTP/2 streams are reset by the protocol instead).
     */
    public static void sendAndClose(RoutingContext ctx, Problem problem) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            ctx.response().endHandler(v -> ctx.request().connection().close());
        }
        send(ctx, problem);
    }
}
