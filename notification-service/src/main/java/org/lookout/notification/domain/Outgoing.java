package org.lookout.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** An email, SMS or webhook the delivery worker has claimed: what it needs to send it, read in one statement. */
public record Outgoing(UUID id, DeliveryChannel channel, String recipientRef, String kind, String reference, UUID reportId,
        Message message, String sourceEventId, String eventType, int attempt, UUID subscriptionId, String aboutRef,
        String webhookBody, Instant createdAt) {
}
