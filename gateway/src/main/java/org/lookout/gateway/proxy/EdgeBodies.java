package org.lookout.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Request bodies at the edge: read whole before an upstream connection is taken (so a client that sends slowly
 * holds only its own connection to the gateway), within a deadline and a size limit.
 */
final class EdgeBodies {

    /** The body did not arrive whole within the deadline. */
    static final class BodyTimeoutException extends RuntimeException {
        BodyTimeoutException() {
            super("request body not received within the deadline", null, false, false);
        }
    }

    private EdgeBodies() {
    }

    /** Whether the request says a body follows ({@code Content-Length} above 0, or a transfer coding). */
    static boolean declaresBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Answers {@code Expect: 100-continue} before the body is read: the client waits for it. */
    static void continueIfExpected(RoutingContext ctx) {
        String expect = ctx.request().getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue") && ctx.request().version() == HttpVersion.HTTP_1_1
                && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
    }

    /**
     * The whole body; fails with {@link ClientKeys.BodyTooLargeException} past {@code limit} bytes and with
     * {@link BodyTimeoutException} when it is not complete {@code deadlineMillis} after this call.
     */
    static Future<Buffer> read(Vertx vertx, RoutingContext ctx, long limit, long deadlineMillis) {
        Promise<Buffer> read = Promise.promise();
        long timer = vertx.setTimer(deadlineMillis, id -> read.tryFail(new BodyTimeoutException()));
        continueIfExpected(ctx);
        ClientKeys.readBody(ctx.request(), limit).onComplete(result -> {
            if (result.succeeded()) {
                read.tryComplete(result.result());
            } else {
                read.tryFail(result.cause());
            }
        });
        return read.future().onComplete(done -> vertx.cancelTimer(timer));
    }
}
