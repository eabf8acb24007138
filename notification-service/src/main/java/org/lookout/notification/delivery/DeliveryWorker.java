package org.lookout.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.ChannelSender;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Outgoing;
import org.lookout.notification.domain.SendResult;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends emails, SMS and webhooks, outside the consumers' transactions: a slow or failing SMTP server, SMS gateway or
 * receiver never holds a Kafka partition, and its errors never look like a database outage to the consumer's retry.
 * Runs every {@code delivery.interval} and whenever a consumer queued something (a database notification wakes it);
 * each round claims a batch ({@link DeliveryQueue}), sends up to {@code delivery.concurrency} at once, logs every
 * attempt, and schedules retries with {@link Backoff} until {@code delivery.max-attempts}, then the delivery is dead.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final Map<DeliveryChannel, ChannelSender> senders = new EnumMap<>(DeliveryChannel.class);
    private final NotificationConfig.Delivery config;
    private final Backoff backoff;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean woken;

    DeliveryWorker(DeliveryQueue queue, Instance<ChannelSender> senders, NotificationConfig config, Clock clock) {
        this.queue = queue;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.config = config.delivery();
        this.backoff = new Backoff(this.config.firstWait(), this.config.factor(), this.config.maxWait(),
                this.config.jitter());
        this.clock = clock;
    }

    @Scheduled(identity = "delivery-worker", every = "${lookout.notification.delivery.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain().replaceWithVoid();
    }

    /** Something was queued: send it now rather than at the next round (a round in progress goes on). */
    public void wake() {
        woken = true;
        if (!"off".equals(config.interval())) {
            drain().subscribe().with(ignored -> {
            }, failure -> LOG.warnf("delivery round failed: %s", failure.getClass().getSimpleName()));
        }
    }

    /** Rounds until nothing due is left (one round at a time per instance); answers how many were sent or settled. */
    public Uni<Integer> drain() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        woken = false;
        return round().chain(done -> done == config.batchSize() || woken ? drainMore(done) : Uni.createFrom().item(done))
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> drainMore(int done) {
        woken = false;
        return round().chain(more -> more == config.batchSize() || woken ? drainMore(done + more)
                : Uni.createFrom().item(done + more));
    }

    /** One batch: claimed, sent, recorded. */
    public Uni<Integer> round() {
        Instant now = clock.instant();
        return queue.claim(now, now.plus(config.lease()), config.batchSize()).chain(batch -> batch.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch).onItem().transformToUni(this::deliver).merge(config.concurrency())
                        .collect().asList().map(List::size));
    }

    private Uni<Void> deliver(Outgoing delivery) {
        ChannelSender sender = senders.get(delivery.channel());
        long started = System.nanoTime();
        Uni<SendResult> sent = sender == null ? Uni.createFrom().item(SendResult.skipped("no sender for " + delivery.channel()))
                : Uni.createFrom().deferred(() -> sender.send(delivery));
        return sent.onFailure().recoverWithItem(failure -> SendResult.failed(failure.getClass().getSimpleName() + ": "
                + failure.getMessage(), null, (int) ((System.nanoTime() - started) / 1_000_000), null))
                .chain(result -> {
                    Duration wait = backoff.after(delivery.attempt(), ThreadLocalRandom.current().nextDouble());
                    if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
                        wait = result.retryAfter().compareTo(config.maxWait()) > 0 ? config.maxWait() : result.retryAfter();
                    }
                    return queue.complete(delivery, result, clock.instant(), wait, config.maxAttempts())
                            .invoke(completion -> LOG.debugf("%s delivery %s, attempt %d: %s -> %s", delivery.channel(),
                                    delivery.id(), delivery.attempt(), result.outcome(), completion.state()));
                })
                .onFailure().invoke(failure -> LOG.warnf("%s delivery %s: the outcome could not be recorded (%s);"
                        + " it is taken up again when its claim lapses", delivery.channel(), delivery.id(),
                        failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
