package org.lookout.gateway.edge;

import org.lookout.problem.Problem;
import org.lookout.problem.ProblemType;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * The answers the gateway gives on its own behalf: the one problem shape of every Lookout service
 * ({@link org.lookout.problem.Problem}, type {@code urn:lookout:problem:<slug>}), never a stack trace. {@code instance}
 * is the request path without its query (a query may carry a tracking secret); {@code requestId} lets a caller quote
 * the failure to an operator.
 */
public final class Problems {

    private Problems() {
    }

    public static Problem unauthorized(RoutingContext ctx, String detail) {
        return of(ctx, ProblemType.UNAUTHORIZED, detail);
    }

    public static Problem tooManyRequests(RoutingContext ctx) {
        return of(ctx, ProblemType.TOO_MANY_REQUESTS,
                "This client has sent too many requests; retry after the time given in Retry-After.");
    }

    public static Problem tooManyConcurrentRequests(RoutingContext ctx, int max) {
        return of(ctx, ProblemType.TOO_MANY_REQUESTS, "This client already has " + max
                + " requests in progress through the gateway; retry when one of them has been answered.");
    }

    /** 408: the request (its body) did not arrive within the deadline; the type is invalid-request. */
    public static Problem requestTimeout(RoutingContext ctx, java.time.Duration deadline) {
        return Problem.of(ProblemType.INVALID_REQUEST).status(408)
                .detail("The request body did not arrive within " + deadline.toSeconds() + " s; send it again.")
                .instance(RequestPaths.of(ctx)).requestId(RequestIds.of(ctx)).build();
    }

    public static Problem payloadTooLarge(RoutingContext ctx, long limitBytes) {
        return of(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limitBytes + " bytes for this route.");
    }

    public static Problem notFound(RoutingContext ctx, String detail) {
        return of(ctx, ProblemType.NOT_FOUND, detail);
    }

    public static Problem badRequest(RoutingContext ctx, String detail) {
        return of(ctx, ProblemType.INVALID_REQUEST, detail);
    }

    public static Problem internalError(RoutingContext ctx) {
        return of(ctx, ProblemType.INTERNAL,
                "The gateway could not handle this request; quote the requestId to an operator.");
    }

    public static Problem upstreamUnavailable(RoutingContext ctx, String upstream) {
        return of(ctx, ProblemType.SERVICE_UNAVAILABLE,
                "The " + upstream + " is not reachable at the moment; retry later.");
    }

    public static Problem upstreamTimeout(RoutingContext ctx, String upstream) {
        return of(ctx, ProblemType.GATEWAY_TIMEOUT,
                "The " + upstream + " did not answer within this route's timeout; retry later.");
    }

    public static Problem badGateway(RoutingContext ctx, String upstream) {
        return of(ctx, ProblemType.BAD_GATEWAY, "The " + upstream + " closed the exchange before a complete answer.");
    }

    /** A problem for a status the framework chose (no route, wrong method, …): the type of that status. */
    public static Problem forStatus(RoutingContext ctx, int status) {
        return switch (status) {
            case 400 -> badRequest(ctx, "The request is not a valid HTTP request for this gateway.");
            case 404 -> notFound(ctx, "No Lookout resource has this path.");
            case 405 -> of(ctx, ProblemType.METHOD_NOT_ALLOWED,
                    "This path does not accept the method " + ctx.request().method().name() + ".");
            default -> {
                String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
                yield Problem.of(ProblemType.forStatus(status)).status(status)
                        .detail("The gateway answers " + status + " " + reason + ".")
                        .instance(RequestPaths.of(ctx)).requestId(RequestIds.of(ctx)).build();
            }
        };
    }

    public static Problem of(RoutingContext ctx, ProblemType type, String detail) {
        return Problem.of(type).detail(detail).instance(RequestPaths.of(ctx)).requestId(RequestIds.of(ctx)).build();
    }

    /** The document as sent: the same Jackson annotations decide its shape here as in every service. */
    public static Buffer json(Problem problem) {
        return Json.encodeToBuffer(problem);
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
                .end(json(problem));
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
