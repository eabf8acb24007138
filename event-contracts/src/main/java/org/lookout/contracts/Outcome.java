package org.lookout.contracts;

/** What an agency reports when it resolves its part of an escalation; the report returns to the community with it. */
public enum Outcome {
    HANDLED, PENALISED, CASE_OPENED, NO_VIOLATION_FOUND, NOT_RESOLVABLE
}
