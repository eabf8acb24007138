package org.lookout.security.outbound;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * {@link OutboundUrls} with this application's allowed hosts and resolver. {@link #verify} resolves names on a worker
 * thread and completes back on the caller's Vert.x context, so a reactive transaction can go on after it.
 */
@ApplicationScoped
public class OutboundUrlPolicy {

    private final OutboundUrls urls;

    OutboundUrlPolicy(OutboundUrlConfig config, HostResolver resolver) {
        this.urls = new OutboundUrls(config.allowedHosts().orElse(Set.of()), resolver);
    }

    /** Checks {@code url}; fails with {@link UnsafeUrlException} naming why it is refused. */
    public Uni<OutboundTarget> verify(String url) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> urls.check(url));
        }
        return Uni.createFrom().completionStage(() -> context.<OutboundTarget> executeBlocking(() -> urls.check(url), false)
                .toCompletionStage());
    }

    /** The same, blocking the calling thread while a name resolves. */
    public OutboundTarget check(String url) {
        return urls.check(url);
    }
}
