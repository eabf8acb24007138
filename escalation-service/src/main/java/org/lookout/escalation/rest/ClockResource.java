package org.lookout.escalation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.service.SlaClockService;
import org.lookout.security.Caller;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/escalations/reports/{reportId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sla clocks")
public class ClockResource {

    /** A clock as its readers see it. */
    public record ClockView(UUID reportId, String kind, int workingDays, Instant startedAt, Instant warnAt, Instant dueAt,
            boolean provisional, String state, Instant warnedAt, Instant breachedAt, Instant stoppedAt, Boolean met,
            Instant pausedAt) {

        static ClockView of(SlaClock clock) {
            return new ClockView(clock.reportId, clock.kind.name(), clock.workingDays, clock.startedAt, clock.warnAt,
                    clock.dueAt, clock.provisional, clock.state.name(), clock.warnedAt, clock.breachedAt, clock.stoppedAt,
                    clock.met, clock.pausedAt);
        }
    }

    private final SlaClockService clocks;
    private final CurrentCaller caller;

    ClockResource(SlaClockService clocks, CurrentCaller caller) {
        this.clocks = clocks;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The SLA clocks of a report: staff of its community, supervisors of its street, admin;"
            + " 404 outside that scope")
    public Uni<List<ClockView>> clocks(@PathParam("reportId") UUID reportId) {
        return clocks.ofReport(reportId, caller.get()).map(found -> found.stream().map(ClockView::of).toList());
    }
}
