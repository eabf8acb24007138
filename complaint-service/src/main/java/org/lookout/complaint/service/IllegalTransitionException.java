package org.lookout.complaint.service;

import java.util.List;

import org.lookout.complaint.domain.ReportStatus;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;

/** A command asked for a move the lifecycle table does not allow: 409, naming the states that may follow. */
public class IllegalTransitionException extends ProblemException {

    private final ReportStatus from;
    private final ReportStatus to;

    public IllegalTransitionException(ReportStatus from, ReportStatus to) {
        super(409, "Illegal transition", "a report in %s cannot move to %s; allowed next: %s".formatted(from, to,
                from.next().isEmpty() ? "none, " + from + " is final" : String.join(", ", names(from))),
                List.of(new Problem.FieldError("status", "is " + from)));
        this.from = from;
        this.to = to;
    }

    public ReportStatus from() {
        return from;
    }

    public ReportStatus to() {
        return to;
    }

    /** The states the report may move to, in lifecycle order. */
    public List<String> allowed() {
        return names(from);
    }

    private static List<String> names(ReportStatus from) {
        return from.next().stream().sorted().map(ReportStatus::name).toList();
    }
}
