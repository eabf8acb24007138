package org.lookout.outbox;

import java.time.Duration;

/**
 * The waits between a consumer's attempts at one event: {@code initial × 2^(n-1)} after the n-th failed attempt, at
 * most {@code max}, less a random share of up to {@code jitter}.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter is a share between 0 and 1, got " + jitter);
        }
    }

    public static Backoff of(ConsumerRetryConfig config) {
        return new Backoff(config.initial(), config.max(), config.jitter());
    }

    /** The wait after {@code failedAttempts} failed attempts before jitter: doubled per attempt, at most {@code max}. */
    public Duration ceiling(int failedAttempts) {
        // 2^30 × 1 ms already exceeds any sensible max; the shift stays clear of overflow
        long doubled = initial.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 30);
        return doubled > max.toMillis() || doubled < 0 ? max : Duration.ofMillis(doubled);
    }

    /**
     * The wait after {@code failedAttempts} failed attempts (1 for the first).
     *
     * @param random a number in [0, 1), e.g. {@code ThreadLocalRandom.current().nextDouble()}
     */
    public Duration delay(int failedAttempts, double random) {
        Duration ceiling = ceiling(failedAttempts);
        return Duration.ofMillis(Math.round(ceiling.toMillis() * (1 - jitter * random)));
    }
}
