package org.lookout.contracts;

/** The status of a report on the wire (complaint-service's lifecycle table decides the moves). */
public enum ReportState {
    RECEIVED, ACCEPTED, ASSIGNED, RESPONDED, RESOLVED, CLOSED, CLOSED_UNRESOLVABLE, REJECTED, ESCALATED, REOPENED
}
