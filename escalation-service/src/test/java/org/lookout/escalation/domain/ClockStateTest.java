package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The clock's life as a table, every pair. */
class ClockStateTest {

    private static final Set<String> ALLOWED = Set.of(
            "RUNNING>PAUSED", "RUNNING>STOPPED", "RUNNING>BREACHED", "RUNNING>CANCELLED",
            "PAUSED>RUNNING", "PAUSED>STOPPED", "PAUSED>CANCELLED",
            // the street returned the report with a new deadline (督办)
            "BREACHED>RUNNING");

    @Test
    void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
        int checked = 0;
        for (ClockState from : ClockState.values()) {
            for (ClockState to : ClockState.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.contains(from + ">" + to));
                assertThat(from.next().contains(to)).isEqualTo(from.canMoveTo(to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25);
    }

    @Test
    void onlyARunningClockCountsAndStoppedAndCancelledAreFinal() {
        assertThat(ClockState.values()).filteredOn(ClockState::counts).containsExactly(ClockState.RUNNING);
        assertThat(ClockState.values()).filteredOn(ClockState::isFinal)
                .containsExactlyInAnyOrder(ClockState.STOPPED, ClockState.CANCELLED);
    }
}
