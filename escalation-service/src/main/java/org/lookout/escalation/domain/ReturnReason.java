package org.lookout.escalation.domain;

/** Why an agency gave an escalation back: the community must then find the right addressee or handle it itself. */
public enum ReturnReason {
    NOT_RESPONSIBLE, WRONG_JURISDICTION, INSUFFICIENT_INFORMATION
}
