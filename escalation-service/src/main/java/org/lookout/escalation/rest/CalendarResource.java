package org.lookout.escalation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.escalation.service.CalendarService;
import org.lookout.problem.ProblemException;

import io.smallrye.mutiny.Uni;

@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "calendar")
public class CalendarResource {

    /** A day of the working calendar; {@code provisional} when its year's holiday notice is not loaded. */
    public record DayView(LocalDate date, String kind, boolean working, String name, boolean provisional) {
    }

    public record DeadlineView(Instant from, int workingDays, Instant dueAt, boolean provisional) {
    }

    private final CalendarService calendar;

    CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @Operation(summary = "The days from `from` to `to` (both included, ISO dates, at most a year) with their kind (public)")
    public Uni<List<DayView>> days(
            @Parameter(description = "first day, e.g. 2026-02-01") @QueryParam("from") String from,
            @Parameter(description = "last day, e.g. 2026-02-28") @QueryParam("to") String to) {
        return calendar.days(date("from", from), date("to", to)).map(days -> days.stream()
                .map(day -> new DayView(day.date(), day.kind().name(), day.kind().working(), day.name(), day.provisional()))
                .toList());
    }

    @GET
    @Path("/deadline")
    @Operation(summary = "When something received at `from` is due if it must be done within `workingDays` working days"
            + " (public). The day of receipt does not count; due at 24:00 Asia/Shanghai of the last counted working day.")
    public Uni<DeadlineView> deadline(
            @Parameter(description = "the moment of receipt, e.g. 2026-02-13T09:30:00Z") @QueryParam("from") String from,
            @Parameter(description = "1 or more") @QueryParam("workingDays") String workingDays) {
        return calendar.deadline(instant("from", from), count("workingDays", workingDays))
                .map(deadline -> new DeadlineView(deadline.from(), deadline.workingDays(), deadline.dueAt(),
                        deadline.provisional()));
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(required(parameter, value, "an ISO date such as 2026-02-13"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be an ISO date such as 2026-02-13");
        }
    }

    private static Instant instant(String parameter, String value) {
        try {
            return Instant.parse(required(parameter, value, "an instant such as 2026-02-13T09:30:00Z"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be an instant such as 2026-02-13T09:30:00Z");
        }
    }

    private static int count(String parameter, String value) {
        try {
            return Integer.parseInt(required(parameter, value, "a whole number"));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(parameter, "must be a whole number");
        }
    }

    private static String required(String parameter, String value, String what) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(parameter, "is required: " + what);
        }
        return value.strip();
    }
}
