package org.lookout.escalation.domain;

/** What a clock measures: going on site (response) or resolving the report (resolution). */
public enum ClockKind {
    RESPONSE,
    RESOLUTION
}
