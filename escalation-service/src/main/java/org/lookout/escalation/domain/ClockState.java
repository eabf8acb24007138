package org.lookout.escalation.domain;

/**
 * Where a clock is in its life: RUNNING from receipt (or a reopening), PAUSED while staff wait for the reporter,
 * STOPPED by the report's response or resolution, CANCELLED when the report is rejected or closed first, BREACHED by
 * the sweep. Only RUNNING clocks warn or breach.
 */
public enum ClockState {
    RUNNING,
    PAUSED,
    STOPPED,
    BREACHED,
    CANCELLED
}
