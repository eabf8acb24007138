package org.lookout.contracts;

/** Why an SLA clock got a (new) due time: started, restarted after a reopening, or resumed after waiting for the reporter. */
public enum ScheduleReason {
    STARTED, RESTARTED, RESUMED
}
