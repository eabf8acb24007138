package org.lookout.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.Notification;

/** An inbox entry in the caller's language. */
public record NotificationView(UUID id, String kind, String reference, UUID reportId, String language, String title,
        String body, Instant createdAt, Instant readAt, boolean read) {

    public static NotificationView of(Notification notification, Language language) {
        Message message = notification.message();
        return new NotificationView(notification.id, notification.kind.name(), notification.reference,
                notification.reportId, language.tag(), message.title(language), message.body(language),
                notification.createdAt, notification.readAt, notification.readAt != null);
    }
}
