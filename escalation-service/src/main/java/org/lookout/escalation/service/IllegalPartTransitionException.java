package org.lookout.escalation.service;

import java.util.List;

import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;

/**
 * An agency asked for something its part's state (or the escalation's end) does not allow: 409, naming the state it
 * is in and the states that may follow, as complaint-service answers an illegal report transition.
 */
public class IllegalPartTransitionException extends ProblemException {

    private final EscalationStatus from;
    private final String action;
    private final List<String> allowed;

    private IllegalPartTransitionException(EscalationStatus from, String action, List<String> allowed, String detail) {
        super(409, "Illegal transition", detail, List.of(new Problem.FieldError("status", "is " + from)));
        this.from = from;
        this.action = action;
        this.allowed = allowed;
    }

    /** The part in {@code from} cannot do {@code action}; {@code allowed} are the states it may still move to. */
    public static IllegalPartTransitionException part(EscalationStatus from, String action) {
        List<String> next = from.next().stream().sorted().map(EscalationStatus::name).toList();
        return new IllegalPartTransitionException(from, action, next, "a part in %s cannot %s; allowed next: %s"
                .formatted(from, action, next.isEmpty() ? "none, " + from + " is final" : String.join(", ", next)));
    }

    /** The escalation as a whole has ended ({@code from} RESOLVED or RETURNED): no part moves any more. */
    public static IllegalPartTransitionException ended(EscalationStatus from, String action) {
        return new IllegalPartTransitionException(from, action, List.of(),
                "the escalation is %s; no agency can %s any more".formatted(from, action));
    }

    public EscalationStatus from() {
        return from;
    }

    /** What was asked: acknowledge, progress, resolve or return. */
    public String action() {
        return action;
    }

    public List<String> allowed() {
        return allowed;
    }
}
