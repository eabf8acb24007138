package org.lookout.notification.stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lookout.notification.delivery.DeliveryWorker;
import org.lookout.notification.delivery.NotificationRepository;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Listens for the database notifications the consumers send when they commit ({@code LISTEN lookout_notification}):
 * {@code inbox} wakes the live streams, {@code delivery} the delivery worker — on every instance. The streams and the
 * worker also look by themselves every few seconds, so a lost connection delays, never loses.
 */
@ApplicationScoped
public class NotificationSignals {

    private static final Logger LOG = Logger.getLogger(NotificationSignals.class);

    private final StreamHub hub;
    private final DeliveryWorker worker;
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    NotificationSignals(StreamHub hub, DeliveryWorker worker, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.hub = hub;
        this.worker = worker;
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(NotificationRepository.CHANNEL).handler(payload -> {
            if ("delivery".equals(payload)) {
                worker.wake();
            } else {
                hub.wake();
            }
        });
        subscriber.connect().subscribe().with(ignored -> LOG.debug("listening for notifications"),
                failure -> LOG.warnf("not listening for notifications yet (%s); the streams and the worker poll",
                        failure.getClass().getSimpleName()));
    }

    @PreDestroy
    void stop() {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
