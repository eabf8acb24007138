package org.lookout.audit;

import org.lookout.problem.ProblemException;

/**
 * Why the caller reads what they read: a reading of the most sensitive records (an official's archive, supervision
 * information, a reporter's identity) must say why, in the header {@value #HEADER}, and the reason goes into the audit
 * chain with the read. Without it the read is refused with a 400 problem naming the header.
 */
public final class AccessReason {

    public static final String HEADER = "X-Access-Reason";
    public static final int MAX_LENGTH = 500;

    private AccessReason() {
    }

    /** The reason, stripped; a 400 problem naming {@value #HEADER} when it is missing, blank, too long or has control characters. */
    public static String require(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest(HEADER, "is required: say why you read this; it is kept in the audit log");
        }
        return check(header);
    }

    /** The reason when one was given, else null; the same checks as {@link #require}. */
    public static String optional(String header) {
        return header == null || header.isBlank() ? null : check(header);
    }

    private static String check(String header) {
        String reason = header.strip();
        if (reason.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(HEADER, "must not contain control characters");
        }
        return reason;
    }
}
