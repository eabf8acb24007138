package org.lookout.problem;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain rule refused the request. Services throw it; {@link ProblemMappers} turns it into problem+json. The message
 * is shown to the caller, so it must never contain personal data or internals.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.status = type.status();
        this.title = type.title();
        this.errors = List.copyOf(errors);
        this.extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    /** @deprecated name the {@link ProblemType} instead of a bare status */
    @Deprecated(forRemoval = true)
    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = ProblemType.forStatus(status);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.of();
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Outside the caller's scope answers the same as absent, so ids cannot be probed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is not visible to you", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    /** Someone else changed it at the same moment: nothing of this request was stored; read again and retry. */
    public static ProblemException concurrentChange(String what) {
        return new ProblemException(ProblemType.CONCURRENT_CHANGE,
                what + " was changed by someone else at the same time; read it again and retry", List.of());
    }

    public static ProblemException tooLarge(String field, long maxBytes) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, field + ": must be at most " + maxBytes + " bytes",
                List.of(new Problem.FieldError(field, "must be at most " + maxBytes + " bytes")));
    }

    public static ProblemException unsupportedMediaType(String field, String message) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * A state machine refused a move: 409 {@code illegal-transition} with the extension members {@code from} (the state
     * it is in), {@code action} (what was asked) and {@code allowed} (the states it may still move to, in declaration
     * order; empty when {@code from} is final).
     */
    public static <S extends Enum<S>> ProblemException illegalTransition(S from, String action, Collection<S> allowed) {
        List<String> next = allowed.stream().sorted().map(Enum::name).toList();
        String detail = "%s cannot %s; allowed next: %s".formatted(from, action,
                next.isEmpty() ? "none, " + from + " is final" : String.join(", ", next));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("from", from.name());
        members.put("action", action);
        members.put("allowed", next);
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION, detail,
                List.of(new Problem.FieldError("status", "is " + from)), members);
    }

    public ProblemType type() {
        return type;
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

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The problem document this exception answers, for a request's path and id. */
    public Problem toProblem(String instance, String requestId) {
        Problem.Builder builder = Problem.of(type).status(status).title(title).detail(getMessage()).instance(instance)
                .requestId(requestId).errors(errors);
        extensions.forEach(builder::with);
        return builder.build();
    }
}
