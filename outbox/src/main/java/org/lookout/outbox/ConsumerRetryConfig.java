package org.lookout.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a consumer waits before it tries an event again while its database is away: exponential back-off from
 * {@code initial}, doubling per failed attempt up to {@code max}, each wait shortened by a random part of up to
 * {@code jitter} so that several consumers do not all knock at the same moment.
 */
@ConfigMapping(prefix = "lookout.consumer.retry")
public interface ConsumerRetryConfig {

    /** The wait after the first failed attempt (before jitter). */
    @WithDefault("200ms")
    Duration initial();

    /** The longest wait between two attempts, however long the outage lasts. */
    @WithDefault("30s")
    Duration max();

    /** The share of each wait that is random: 0.5 waits between half and all of it; 0 waits exactly. */
    @WithDefault("0.5")
    double jitter();
}
