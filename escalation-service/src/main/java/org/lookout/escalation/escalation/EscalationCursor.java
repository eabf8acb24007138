package org.lookout.escalation.escalation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.lookout.problem.ProblemException;

/**
 * Where the next page of an escalation list starts: just after the last escalation of the page, newest first, as its
 * opening time and id (keyset paging: one opened meanwhile goes to the top without moving the others, so none is shown
 * twice or skipped for it). Opaque to clients: base64url of {@code <openedAt>|<id>}.
 */
record EscalationCursor(Instant openedAt, UUID id) {

    String encode() {
        String text = openedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; 400 naming {@code cursor} for anything this service did not hand out. */
    static EscalationCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                throw invalid();
            }
            return new EscalationCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "is not a cursor this service handed out");
    }
}
