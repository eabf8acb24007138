package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The waits between a consumer's attempts while its database is away, with the shipped defaults. */
class BackoffTest {

    private static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), 0.5);

    @Test
    void doublesFromTheInitialWaitUpToTheLongest() {
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(DEFAULT::ceiling).map(Duration::toMillis))
                .containsExactly(200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 12_800L, 25_600L, 30_000L, 30_000L, 30_000L);
        assertThat(DEFAULT.ceiling(1_000_000)).as("an outage of days").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterShortensEachWaitByUpToItsShare() {
        assertThat(DEFAULT.delay(3, 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(DEFAULT.delay(3, 0.5)).isEqualTo(Duration.ofMillis(600));
        assertThat(DEFAULT.delay(3, 0.999_999)).isEqualTo(Duration.ofMillis(400));
        assertThat(DEFAULT.delay(20, 0.999_999)).isEqualTo(Duration.ofSeconds(15));
        assertThat(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), 0).delay(3, 0.7))
                .isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void refusesSettingsThatMakeNoSchedule() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(30), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMillis(500), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
