package org.lookout.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff DEFAULTS = new Backoff(Duration.ofMinutes(1), 3, Duration.ofHours(12), 0.2);

    @Test
    void eightAttemptsWaitFromAMinuteToTwelveHours() {
        List<Long> minutes = new ArrayList<>();
        for (int failed = 1; failed <= 7; failed++) {
            minutes.add(DEFAULTS.after(failed, 0.5).toMinutes());
        }

        assertThat(minutes).containsExactly(1L, 3L, 9L, 27L, 81L, 243L, 720L);
    }

    @Test
    void jitterStaysWithinItsShareAndUnderTheCap() {
        assertThat(DEFAULTS.after(1, 0.0)).isEqualTo(Duration.ofSeconds(48));
        assertThat(DEFAULTS.after(1, 0.999_999)).isBetween(Duration.ofSeconds(71), Duration.ofSeconds(72));
        assertThat(DEFAULTS.after(7, 0.999_999)).isEqualTo(Duration.ofHours(12));
        assertThat(DEFAULTS.after(20, 0.0)).isEqualTo(Duration.ofMinutes(576));
    }
}
