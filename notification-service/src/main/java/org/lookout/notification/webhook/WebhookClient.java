package org.lookout.notification.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.config.NotificationConfig;
import org.lookout.security.outbound.OutboundTarget;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * POSTs a webhook to the address its URL was just checked to resolve to ({@link OutboundTarget#pinned()}), with the
 * URL's host as Host header, TLS server name and the name the certificate must carry — so a DNS answer that changes
 * between the check and the connection cannot send it elsewhere. No redirects are followed (a 3xx is a failure).
 */
@ApplicationScoped
public class WebhookClient {

    /** What a receiver answered: its status and, when it asked for it, when to try again. */
    public record Answer(int status, Optional<Duration> retryAfter) {
    }

    private final HttpClient client;
    private final Duration timeout;

    WebhookClient(Vertx vertx, NotificationConfig config) {
        this.timeout = config.webhooks().timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    public Uni<Answer> post(OutboundTarget target, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.pinned().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        return client.request(options)
                .chain(request -> request.send(Buffer.buffer(body)))
                .chain(response -> response.body().map(ignored -> new Answer(response.statusCode(),
                        retryAfter(response.getHeader("Retry-After")))));
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
