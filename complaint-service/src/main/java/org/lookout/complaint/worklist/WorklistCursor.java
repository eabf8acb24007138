package org.lookout.complaint.worklist;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.lookout.problem.ProblemException;

/**
 * Where the next page of a worklist starts: just after the last report of the page, as its sort key and id (keyset
 * paging). A report filed meanwhile takes its place in the order without moving the others, so no report is shown twice
 * or skipped for it. Opaque to clients: base64url of {@code <sort>|<key instant or empty>|<id>}.
 */
record WorklistCursor(WorklistSort sort, Instant key, UUID id) {

    String encode() {
        String text = sort.parameter() + "|" + (key == null ? "" : key.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; 400 naming {@code cursor} for anything this service did not hand out. */
    static WorklistCursor decode(String cursor, WorklistSort sort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 3 || WorklistSort.of(parts[0]) == null) {
            throw invalid();
        }
        if (WorklistSort.of(parts[0]) != sort) {
            throw ProblemException.badRequest("cursor", "belongs to another sort order than " + sort.parameter());
        }
        try {
            Instant key = parts[1].isEmpty() ? null : Instant.parse(parts[1]);
            if (key == null && sort == WorklistSort.RECEIVED) {
                throw invalid();
            }
            return new WorklistCursor(sort, key, UUID.fromString(parts[2]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "is not a cursor this service handed out");
    }
}
