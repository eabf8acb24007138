package org.lookout.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.lookout.notification.domain.Language;

/** An inbox entry in the reader's language; {@code seq} is its place in the inbox and its event id on the live stream. */
public record NotificationView(UUID id, long seq, String kind, String reference, UUID reportId, String language,
        String title, String body, Instant createdAt, Instant readAt, boolean read) {

    public static NotificationView of(InboxEntry entry, Language language) {
        return new NotificationView(entry.id(), entry.seq(), entry.kind(), entry.reference(), entry.reportId(),
                language.tag(), entry.message().title(language), entry.message().body(language), entry.createdAt(),
                entry.readAt(), entry.readAt() != null);
    }
}
