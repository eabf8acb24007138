package org.lookout.escalation.domain;

/** Where a clock is in its life; issue 4 adds the transitions (stop, pause, restart, cancel). */
public enum ClockState {
    RUNNING,
    PAUSED,
    STOPPED,
    BREACHED,
    CANCELLED
}
