package org.lookout.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a plausible id, a new random (version 4) UUID
 * otherwise (a free-form value would let a client inject text into every service's logs). The id correlates log
 * lines and traces, it guards nothing: it is drawn from {@link ThreadLocalRandom}, not {@code UUID.randomUUID()}'s
 * {@code SecureRandom}, which the gateway's profile showed among its hottest methods.
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
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
        ctx.put(KEY, id);
        ctx.request().headers().set(HEADER, id);
        if (!ctx.response().headWritten()) {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        }
        return id;
    }

    /** A version 4, variant 2 UUID of 122 random bits. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
