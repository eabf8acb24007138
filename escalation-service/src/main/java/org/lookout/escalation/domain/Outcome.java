package org.lookout.escalation.domain;

/** What an agency reports when it resolves its part; the report returns to the community with it. */
public enum Outcome {
    HANDLED, PENALISED, CASE_OPENED, NO_VIOLATION_FOUND, NOT_RESOLVABLE
}
