package org.lookout.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.lookout.problem.PercentDecoding;
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
        String reason = text(header).strip();
        if (reason.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(HEADER, "must not contain control characters");
        }
        return reason;
    }

    /**
     * A header is ISO-8859-1 on the wire: a reason in Chinese arrives percent-encoded UTF-8 ({@code encodeURIComponent};
     * a literal {@code %} is {@code %25}) or as raw UTF-8 bytes (what curl sends), each byte read as one character; both
     * are decoded, strictly.
     */
    private static String text(String header) {
        String raw = header.chars().anyMatch(c -> c >= 0x80) && header.chars().allMatch(c -> c <= 0xFF)
                ? utf8(header) : header;
        return raw.indexOf('%') < 0 ? raw : PercentDecoding.decode(raw).orElseThrow(() -> ProblemException
                .badRequest(HEADER, "must be text, or UTF-8 percent-encoded (encodeURIComponent)"));
    }

    private static String utf8(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(HEADER, "must be UTF-8 text");
        }
    }
}
