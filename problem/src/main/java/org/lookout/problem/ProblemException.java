package org.lookout.problem;

import java.util.List;

/**
 * A domain rule refused the request. Services throw it; {@link ProblemMappers} turns it into problem+json. The message
 * is shown to the caller, so it must never contain personal data or internals.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "Unprocessable request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Outside the caller's scope answers the same as absent, so ids cannot be probed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist or is not visible to you", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
