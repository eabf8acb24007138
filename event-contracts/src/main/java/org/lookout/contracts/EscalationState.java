package org.lookout.contracts;

/** The state of an agency's part of an escalation, or of the escalation as a whole, on the wire (escalation-service's state table decides the moves). */
public enum EscalationState {
    OPEN, ACKNOWLEDGED, RESOLVED, RETURNED, OVERDUE
}
