package org.lookout.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SweepThrottleTest {

    @Test
    void the_first_sweep_is_due_at_once_then_one_an_interval() {
        SweepThrottle sweeps = new SweepThrottle(1_000);

        assertThat(sweeps.due(-5_000)).as("the first, whatever the clock reads (nanoTime may be negative)").isTrue();
        assertThat(sweeps.due(-5_000)).as("the same instant again").isFalse();
        assertThat(sweeps.due(-4_001)).as("999 later").isFalse();
        assertThat(sweeps.due(-4_000)).as("an interval later").isTrue();
        assertThat(sweeps.due(-3_500)).isFalse();
    }

    @Test
    void of_callers_at_the_same_due_time_one_sweeps() {
        SweepThrottle sweeps = new SweepThrottle(1_000);
        sweeps.due(0);

        int sweeping = 0;
        for (int caller = 0; caller < 5; caller++) {
            sweeping += sweeps.due(1_000) ? 1 : 0;
        }

        assertThat(sweeping).isEqualTo(1);
    }
}
