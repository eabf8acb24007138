package org.lookout.contracts;

/** What an SLA clock measures, on the wire: going on site (response) or resolving the report (resolution). */
public enum ClockKind {
    RESPONSE, RESOLUTION
}
