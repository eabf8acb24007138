package org.lookout.notification.sms;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Sends one text message. Completes when the provider accepted it; fails when it did not (the delivery worker retries).
 * Implementations never log the number or the text.
 */
public interface SmsProvider {

    Uni<Void> send(UUID notificationId, String phone, String text, SmsSegments segments);
}
