package org.lookout.gateway.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The client key a request carries for a route limited per key (Open311's {@code api_key}): in the query, or a field
 * of an {@code application/x-www-form-urlencoded} body. Only such a small form body is read here, bounded by the
 * route's limit, and then forwarded as read; every other body still streams. The bucket is named by a hash of the key,
 * so no key sits in the limiter's memory; whether a key is valid is the service's to say.
 */
final class ClientKeys {

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("request body exceeds the route's limit", null, false, false);
        }
    }

    private ClientKeys() {
    }

    static Optional<String> inQuery(RoutingContext ctx, String parameter) {
        return ctx.queryParam(parameter).stream().filter(value -> !value.isBlank()).findFirst();
    }

    static boolean hasFormBody(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The whole body, failing with {@link BodyTooLargeException} past {@code limit} bytes. */
    static Future<Buffer> readBody(HttpServerRequest request, long limit) {
        Promise<Buffer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                read.tryFail(new BodyTooLargeException());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(read::tryFail);
        request.endHandler(ended -> read.tryComplete(body));
        request.resume();
        return read.future();
    }

    /** The first non-empty value of the field in a form body; empty when absent or not decodable. */
    static Optional<String> inForm(Buffer body, String field) {
        for (String pair : body.toString(StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            try {
                if (URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(field)) {
                    String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    if (!value.isBlank()) {
                        return Optional.of(value);
                    }
                }
            } catch (IllegalArgumentException undecodable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The bucket's name for a key: its SHA-256, so the limiter never holds a key itself. */
    static String bucket(String key) {
        try {
            return "key:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
