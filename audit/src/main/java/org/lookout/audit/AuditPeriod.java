package org.lookout.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.lookout.problem.ProblemException;

/** The {@code [from, to)} of an audit report, from the {@code from} and {@code to} query parameters (ISO instants). */
public record AuditPeriod(Instant from, Instant to) {

    /** Both required; {@code to} after {@code from}; a 400 problem naming the parameter otherwise. */
    public static AuditPeriod parse(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        return new AuditPeriod(start, end);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(parameter, "is required: an instant such as 2026-03-01T00:00:00Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be an instant such as 2026-03-01T00:00:00Z");
        }
    }
}
