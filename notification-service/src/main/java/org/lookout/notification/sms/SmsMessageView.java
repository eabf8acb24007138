package org.lookout.notification.sms;

import java.time.Instant;
import java.util.UUID;

/** A message the development provider recorded. */
public record SmsMessageView(long id, UUID notificationId, String phone, String body, int segments, String encoding,
        Instant sentAt) {
}
