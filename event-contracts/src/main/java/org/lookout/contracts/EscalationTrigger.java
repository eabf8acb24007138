package org.lookout.contracts;

/**
 * Why an escalation was opened: the response clock ran out, the resolution clock ran out (issue 13: to the street, or to
 * the agency kind the item names), the item escalates on acceptance, a tip-off about an official was forwarded, or
 * staff or a supervisor decided.
 */
public enum EscalationTrigger {
    RESPONSE_BREACHED, IMMEDIATE, TIP_OFF, MANUAL, RESOLUTION_BREACHED
}
