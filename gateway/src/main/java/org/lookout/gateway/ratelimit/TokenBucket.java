package org.lookout.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} tokens, refilled evenly over {@code periodNanos}. Each request takes one.
 * Time is passed in, so tests need no clock tricks.
 */
final class TokenBucket {

    private final long capacity;
    private final double nanosPerToken;
    private double tokens;
    private long lastRefill;

    TokenBucket(long capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.nanosPerToken = (double) periodNanos / capacity;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes a token; returns 0 when granted, else the nanoseconds until one is available. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * nanosPerToken);
    }

    /** True when the bucket is full again, so forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            lastRefill = now;
        }
    }
}
