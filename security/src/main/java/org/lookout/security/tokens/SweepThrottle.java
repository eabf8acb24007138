package org.lookout.security.tokens;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a bounded in-memory table that is full may be swept for stale entries: at most once an interval, by one caller.
 * A full table otherwise costs every request that wants a new entry a scan of all of it (the verified tokens, the rate
 * limiter's buckets). Times in whatever unit the caller's clock counts, the same for {@code now} and the interval.
 */
public final class SweepThrottle {

    private final long interval;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

    public SweepThrottle(long interval) {
        this.interval = interval;
    }

    /** True for the one caller that should sweep now; false while the last sweep is less than an interval old. */
    public boolean due(long now) {
        long due = next.get();
        return now >= due && next.compareAndSet(due, now + interval);
    }
}
