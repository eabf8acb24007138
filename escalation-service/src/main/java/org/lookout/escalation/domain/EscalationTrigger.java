package org.lookout.escalation.domain;

/**
 * Why an escalation was opened: the response clock ran out, the item escalates on acceptance, an inspector forwarded a
 * tip-off about an official, or staff or a supervisor decided.
 */
public enum EscalationTrigger {
    RESPONSE_BREACHED, IMMEDIATE, TIP_OFF, MANUAL
}
