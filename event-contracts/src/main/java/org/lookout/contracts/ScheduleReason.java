package org.lookout.contracts;

/**
 * Why an SLA clock got a (new) due time: started, restarted after a reopening, resumed after waiting for the reporter,
 * or {@code RETURNED} (issue 13): the street returned the report to the community with a new deadline after a breach
 * (督办); unlike a restart, the clock's breach stays on record.
 */
public enum ScheduleReason {
    STARTED, RESTARTED, RESUMED, RETURNED
}
