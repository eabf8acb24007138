package org.lookout.escalation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.problem.ProblemException;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "calendar")
public class CalendarResource {

    static final int MAX_REASON = 500;

    private final CalendarService calendar;
    private final CurrentCaller caller;

    CalendarResource(CalendarService calendar, CurrentCaller caller) {
        this.calendar = calendar;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The days from `from` to `to` (both included, ISO dates, at most a year) with their kind (public)")
    public Uni<List<DayView>> days(
            @Parameter(description = "first day, e.g. 2026-02-01") @QueryParam("from") String from,
            @Parameter(description = "last day, e.g. 2026-02-28") @QueryParam("to") String to) {
        return calendar.days(date("from", from), date("to", to)).map(days -> days.stream().map(DayView::of)
                .toList());
    }

    @PUT
    @Path("/days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sets what a day is, overriding the notice and the weekday rule (admin); audited. New deadlines"
            + " use it at once; running clocks keep theirs.")
    public Uni<DayView> override(@Parameter(description = "the day, e.g. 2026-03-02") @PathParam("date") String date,
            @Valid @NotNull OverrideDayRequest body) {
        return calendar.override(date("date", date), body.kind(), blankToNull(body.name()), body.reason().strip(),
                caller.subject()).map(DayView::of);
    }

    @DELETE
    @Path("/days/{date}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Drops an administrator's override: the day is again what the notice or the weekday rule says"
            + " (admin); audited; 404 when the day has no override")
    public Uni<DayView> clearOverride(@Parameter(description = "the day, e.g. 2026-03-02") @PathParam("date") String date,
            @Parameter(description = "why, for the audit trail") @QueryParam("reason") String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.badRequest("reason", "must be at most " + MAX_REASON + " characters");
        }
        return calendar.clearOverride(date("date", date), blankToNull(reason), caller.subject())
                .map(DayView::of);
    }

    @GET
    @Path("/deadline")
    @Operation(summary = "When something received at `from` is due if it must be done within `workingDays` working days"
            + " (public). The day of receipt does not count; due at 24:00 Asia/Shanghai of the last counted working day.")
    public Uni<DeadlineView> deadline(
            @Parameter(description = "the moment of receipt, e.g. 2026-02-13T09:30:00Z") @QueryParam("from") String from,
            @Parameter(description = "1 or more") @QueryParam("workingDays") String workingDays) {
        return calendar.deadline(instant("from", from), count("workingDays", workingDays))
                .map(DeadlineView::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
