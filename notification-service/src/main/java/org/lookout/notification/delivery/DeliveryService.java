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
 * Delivers a notification at most once per recipient and channel and logs every attempt. Runs inside the caller's
 * transaction, so the notification, its log entry and the consumer's record of the event commit together.
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

    public Uni<DeliveryOutcome> deliver(Notification notification) {
        if (notification.channel != DeliveryChannel.INBOX) {
            // email, SMS and webhooks come with their senders; until then nothing may pretend to have sent them
            throw new IllegalArgumentException("no sender for channel " + notification.channel);
        }
        // storing the entry is the delivery of an in-app notification
        return notifications.insertIfAbsent(notification).chain(stored -> stored
                ? log(notification, DeliveryOutcome.DELIVERED)
                : notifications.fromEvent(notification.sourceEventId, notification.recipientRef, notification.channel)
                        .chain(existing -> log(existing, DeliveryOutcome.DUPLICATE)));
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
        }).invoke(() -> LOG.infof("%s notification %s of event %s: %s", notification.channel, notification.id,
                notification.sourceEventId, outcome)).replaceWith(outcome);
    }
}
