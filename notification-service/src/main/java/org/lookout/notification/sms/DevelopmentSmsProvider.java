package org.lookout.notification.sms;

import java.time.Clock;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Development and tests: a message is "sent" by recording it; admin reads them at {@code GET /api/notifications/sms-outbox}. */
public class DevelopmentSmsProvider implements SmsProvider {

    private final SmsOutboxRepository outbox;
    private final Clock clock;

    public DevelopmentSmsProvider(SmsOutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Uni<Void> send(UUID notificationId, String phone, String text, SmsSegments segments) {
        return outbox.record(notificationId, phone, text, segments, clock.instant());
    }
}
