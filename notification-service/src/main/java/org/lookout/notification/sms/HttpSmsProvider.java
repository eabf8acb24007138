package org.lookout.notification.sms;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * A real SMS gateway over HTTP: POST to the configured URL, with the configured header (e.g. {@code Authorization:
 * Bearer …}), the body template with {@code {phone}} and {@code {text}} filled in (JSON-escaped). A 2xx answer means
 * accepted; anything else fails the attempt.
 */
public class HttpSmsProvider implements SmsProvider {

    private final HttpClient client;
    private final URI url;
    private final String authHeader;
    private final String bodyTemplate;
    private final Duration timeout;

    public HttpSmsProvider(Vertx vertx, URI url, String authHeader, String bodyTemplate, Duration timeout) {
        this.client = vertx.createHttpClient();
        this.url = url;
        this.authHeader = authHeader;
        this.bodyTemplate = bodyTemplate;
        this.timeout = timeout;
    }

    @Override
    public Uni<Void> send(UUID notificationId, String phone, String text, SmsSegments segments) {
        String body = bodyTemplate.replace("{phone}", json(phone)).replace("{text}", json(text));
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : https ? 443 : 80).setSsl(https)
                .setURI(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath()
                        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8");
        if (authHeader != null && authHeader.contains(":")) {
            int colon = authHeader.indexOf(':');
            options.putHeader(authHeader.substring(0, colon).strip(), authHeader.substring(colon + 1).strip());
        }
        return client.request(options).chain(request -> request.send(Buffer.buffer(body))).chain(response -> {
            if (response.statusCode() / 100 != 2) {
                return Uni.createFrom().failure(new IllegalStateException("the SMS gateway answered " + response.statusCode()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The text as the inside of a JSON string. */
    static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
