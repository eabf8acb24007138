package org.lookout.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.gateway.config.GatewayConfig;
import org.lookout.security.tokens.SweepThrottle;

/**
 * Per-client token buckets, one per (policy, client). In memory and per replica: with N replicas behind a
 * round-robin balancer a client gets up to N times the configured rate (see README). Once {@code max-tracked-clients}
 * buckets are held, idle ones are dropped at most once a second, so that a full table does not cost every request a
 * scan of it.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, GatewayConfig.RateLimit> policies;
    private final int maxTrackedClients;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final SweepThrottle fullSweeps = new SweepThrottle(TimeUnit.SECONDS.toNanos(1));

    public RateLimiter(GatewayConfig config) {
        this.policies = config.rateLimits();
        this.maxTrackedClients = config.maxTrackedClients();
    }

    /**
     * Takes one token for the client under the named policy.
     *
     * @return 0 when the request may pass, else the whole seconds the client should wait (at least 1)
     */
    public long acquire(String policyName, String client) {
        GatewayConfig.RateLimit policy = policies.get(policyName);
        long now = System.nanoTime();
        if (buckets.size() >= maxTrackedClients && fullSweeps.due(now)) {
            forgetIdle(now);
        }
        TokenBucket bucket = buckets.computeIfAbsent(policyName + '|' + client,
                k -> new TokenBucket(policy.capacity(), policy.period().toNanos(), now));
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }

    /** Drops buckets that have refilled completely: they hold no state worth keeping. */
    public void forgetIdle() {
        forgetIdle(System.nanoTime());
    }

    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int trackedBuckets() {
        return buckets.size();
    }
}
