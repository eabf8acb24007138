package org.lookout.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a plausible id, a new UUID otherwise
 * (a free-form value would let a client inject text into every service's logs).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Installs the id on the request (forwarded upstream) and on the answer, whoever writes it. */
    public static void assign(RoutingContext ctx) {
        of(ctx);
        ctx.next();
    }

    /**
     * The request's id, installed now if no handler did yet: the framework refuses some requests (an invalid path)
     * before the first handler runs, and those answers carry an id too.
     */
    public static String of(RoutingContext ctx) {
        String known = ctx.get(KEY);
        if (known != null) {
            return known;
        }
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.request().headers().set(HEADER, id);
        if (!ctx.response().headWritten()) {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        }
        return id;
    }
}
