package org.lookout.notification.delivery;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt: {@code first} after the first failure, {@code factor} times
 * longer after each further one, never longer than {@code max}, each wait drawn within ±{@code jitter} of its value.
 * With the defaults (1 min, ×3, 12 h, ±20 %) eight attempts span about 18 hours: 1, 3, 9, 27, 81, 243, 720 minutes.
 */
public record Backoff(Duration first, double factor, Duration max, double jitter) {

    /**
     * @param failedAttempts how many attempts have failed so far (1 after the first)
     * @param random a number in [0, 1)
     */
    public Duration after(int failedAttempts, double random) {
        double base = first.toMillis() * Math.pow(factor, Math.max(0, failedAttempts - 1));
        double capped = Math.min(base, max.toMillis());
        double drawn = capped * (1 + jitter * (2 * random - 1));
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(drawn, max.toMillis()))));
    }
}
