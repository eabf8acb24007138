package org.lookout.notification.delivery;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.notification.domain.DeliveryAttempt;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.DeliveryOutcome;
import org.lookout.notification.domain.Notification;

import io.smallrye.mutiny.Uni;

/**
 * Stores what an event means for one recipient on one channel, at most once per event, recipient and channel. An inbox
 * entry is delivered by being written (logged as an attempt); an email, SMS or webhook is queued for the delivery
 * worker, which sends it after this transaction and logs each attempt. Runs inside the caller's transaction, so the
 * notification and the consumer's record of the event commit together.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final NotificationRepository notifications;
    private final DeliveryAttemptRepository attempts;
    private final Clock clock;

    DeliveryService(NotificationRepository notifications, DeliveryAttemptRepository attempts, Clock clock) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Writes the entry, or logs a duplicate when the recipient has it already. */
    public Uni<DeliveryOutcome> deliver(Notification notification) {
        if (notification.channel != DeliveryChannel.INBOX) {
            throw new IllegalArgumentException("only an inbox entry is delivered in the consumer: " + notification.channel);
        }
        return notifications.insertIfAbsent(notification).chain(stored -> stored
                ? log(notification, DeliveryOutcome.DELIVERED).call(() -> notifications.signalOnCommit("inbox"))
                : notifications.fromEvent(notification.sourceEventId, notification.recipientRef, notification.channel)
                        .chain(existing -> log(existing, DeliveryOutcome.DUPLICATE)));
    }

    /** Queues an email, SMS or webhook for the worker; true when it was new. */
    public Uni<Boolean> enqueue(Notification notification) {
        if (notification.channel == DeliveryChannel.INBOX) {
            throw new IllegalArgumentException("an inbox entry is delivered, not queued");
        }
        return notifications.insertIfAbsent(notification)
                .call(stored -> stored ? notifications.signalOnCommit("delivery") : Uni.createFrom().voidItem());
    }

    private Uni<DeliveryOutcome> log(Notification notification, DeliveryOutcome outcome) {
        return attempts.nextAttempt(notification.id).chain(number -> {
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.notificationId = notification.id;
            attempt.sourceEventId = notification.sourceEventId;
            attempt.channel = notification.channel;
            attempt.attempt = number;
            attempt.attemptedAt = clock.instant();
            attempt.outcome = outcome;
            return attempts.persist(attempt);
        }).invoke(() -> LOG.debugf("%s notification %s of event %s: %s", notification.channel, notification.id,
                notification.sourceEventId, outcome)).replaceWith(outcome);
    }
}
