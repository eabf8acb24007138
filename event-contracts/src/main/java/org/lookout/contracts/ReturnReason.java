package org.lookout.contracts;

/** Why an agency gave its part of an escalation back. */
public enum ReturnReason {
    NOT_RESPONSIBLE, WRONG_JURISDICTION, INSUFFICIENT_INFORMATION
}
