package org.lookout.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void a_full_bucket_allows_a_burst_of_its_capacity_then_asks_to_wait() {
        TokenBucket bucket = new TokenBucket(5, MINUTE, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }
        assertThat(bucket.tryTake(0)).isEqualTo(TimeUnit.SECONDS.toNanos(12));
    }

    @Test
    void tokens_come_back_evenly_over_the_period() {
        TokenBucket bucket = new TokenBucket(5, MINUTE, 0);
        for (int i = 0; i < 5; i++) {
            bucket.tryTake(0);
        }
        long twelveSeconds = TimeUnit.SECONDS.toNanos(12);
        assertThat(bucket.tryTake(twelveSeconds)).isZero();
        assertThat(bucket.tryTake(twelveSeconds)).isPositive();
        assertThat(bucket.isFull(twelveSeconds + MINUTE)).isTrue();
    }
}
