package org.lookout.gateway.edge;

import io.vertx.ext.web.RoutingContext;

/**
 * The path a request is known by at the gateway: its normal form once the edge has computed it, else the path as
 * sent (still percent-encoded, so it carries no line breaks). Never the query: a query may carry a tracking secret.
 */
public final class RequestPaths {

    private static final String KEY = RequestPaths.class.getName();

    private RequestPaths() {
    }

    public static void remember(RoutingContext ctx, String normalPath) {
        ctx.put(KEY, normalPath);
    }

    /** The normal form, or null when the request was refused before it had one. */
    public static String normal(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    public static String of(RoutingContext ctx) {
        String normal = normal(ctx);
        return normal != null ? normal : ctx.request().path();
    }
}
