package org.lookout.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One webhook delivery of a subscription: where it stands, and every attempt with its outcome, status and latency. */
public record DeliveryView(UUID id, String webhookId, String kind, String eventId, UUID reportId, String state,
        int attempts, Instant createdAt, Instant nextAttemptAt, String lastError, List<AttemptView> log) {

    public record AttemptView(int attempt, Instant at, String outcome, Integer status, Integer latencyMs, String detail) {
    }
}
