package org.lookout.problem;

import java.net.URI;

/**
 * The kinds of problem Lookout answers, each with its {@code type} URI {@code urn:lookout:problem:<slug>}: one scheme
 * for the gateway and every service, so a client can switch on {@code type} without parsing {@code detail}. The URN
 * names the kind; it is deliberately not a web address nobody serves. docs/problems.md describes each.
 */
public enum ProblemType {

    INVALID_REQUEST("invalid-request", 400, "Invalid request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    /** A state machine refused the move; extension members {@code from}, {@code action}, {@code allowed}. */
    ILLEGAL_TRANSITION("illegal-transition", 409, "Illegal transition"),
    /** Someone else changed the same thing at the same moment; read it again and retry. */
    CONCURRENT_CHANGE("concurrent-change", 409, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable request"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    BAD_GATEWAY("bad-gateway", 502, "Bad gateway"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "Gateway timeout");

    private static final String SCHEME = "urn:lookout:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(SCHEME + slug);
    }

    /** The type for an HTTP status the framework answers (404, 405, 413, ...); {@code INVALID_REQUEST} for other 4xx. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != ILLEGAL_TRANSITION && type != CONCURRENT_CHANGE) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
