package org.lookout.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What one attempt to send came to, as the delivery log records it: the outcome, a reason without personal data, a
 * webhook's HTTP status and latency, a wait the receiver asked for ({@code Retry-After}), when a held message may go
 * (quiet hours, a paused subscription), and whether a failure is final (no more attempts).
 */
public record SendResult(DeliveryOutcome outcome, String detail, Integer status, Integer latencyMs, Duration retryAfter,
        Instant heldUntil, boolean permanent) {

    public static SendResult delivered(Integer status, Integer latencyMs) {
        return new SendResult(DeliveryOutcome.DELIVERED, null, status, latencyMs, null, null, false);
    }

    public static SendResult failed(String detail, Integer status, Integer latencyMs, Duration retryAfter) {
        return new SendResult(DeliveryOutcome.FAILED, detail, status, latencyMs, retryAfter, null, false);
    }

    /** Failed for good: no further attempt (a 410 Gone). */
    public static SendResult dead(String detail, Integer status, Integer latencyMs) {
        return new SendResult(DeliveryOutcome.DEAD, detail, status, latencyMs, null, null, true);
    }

    /** The address is one this service will not call: counts as a failed attempt. */
    public static SendResult refused(String detail) {
        return new SendResult(DeliveryOutcome.REFUSED, detail, null, null, null, null, false);
    }

    public static SendResult skipped(String detail) {
        return new SendResult(DeliveryOutcome.SKIPPED, detail, null, null, null, null, true);
    }

    /** Not sent now and not an attempt: it goes at {@code until}. */
    public static SendResult held(String detail, Instant until) {
        return new SendResult(DeliveryOutcome.HELD, detail, null, null, null, until, false);
    }
}
