package org.lookout.escalation.clock;

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
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/escalations/reports/{reportId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sla clocks")
public class ClockResource {

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
