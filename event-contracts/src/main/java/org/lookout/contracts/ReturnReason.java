package org.lookout.contracts;

/**
 * Why an escalation's part was given back: an agency's reasons (not its responsibility, not its jurisdiction, not
 * enough to act on), or {@code INSTRUCTIONS_GIVEN} (issue 13): the street's supervisors returned it to the community
 * with instructions and a new deadline (督办).
 */
public enum ReturnReason {
    NOT_RESPONSIBLE, WRONG_JURISDICTION, INSUFFICIENT_INFORMATION, INSTRUCTIONS_GIVEN
}
