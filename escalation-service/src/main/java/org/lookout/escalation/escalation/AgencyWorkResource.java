package org.lookout.escalation.escalation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.Caller;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The agency API: an agency's client (role {@code agency}, claim {@code agency} = its code) works on its part of an
 * escalation; a street's supervisors work the parts addressed to their street's office the same way (督办). Each answers
 * 200 with the escalation as the caller reads it; another agency's or another street's escalation is 404, a move the
 * part's state does not allow 409.
 */
@Path("/api/escalations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AGENCY, Roles.SUPERVISOR })
@Tag(name = "agency API")
public class AgencyWorkResource {

    private final AgencyWork work;
    private final EscalationReader reader;
    private final CurrentCaller caller;

    AgencyWorkResource(AgencyWork work, EscalationReader reader, CurrentCaller caller) {
        this.work = work;
        this.reader = reader;
        this.caller = caller;
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "The agency (or the street's supervisor) acknowledges its part (from OPEN or OVERDUE)")
    public Uni<EscalationView> acknowledge(@PathParam("id") UUID id) {
        Caller agency = caller.get();
        return work.acknowledge(id, agency).chain(() -> read(id, agency));
    }

    @POST
    @Path("/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The agency reports progress on its acknowledged or overdue part")
    public Uni<EscalationView> progress(@PathParam("id") UUID id, @Valid @NotNull ReportProgressRequest body) {
        Caller agency = caller.get();
        return work.progress(id, body, agency).chain(() -> read(id, agency));
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The agency resolves its acknowledged or overdue part with an outcome; the lead's resolves"
            + " the escalation")
    public Uni<EscalationView> resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveEscalationRequest body) {
        Caller agency = caller.get();
        return work.resolve(id, body, agency).chain(() -> read(id, agency));
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The agency returns its part as not its responsibility, with a reason; the street's"
            + " supervisors return theirs to the community with instructions and a new deadline (INSTRUCTIONS_GIVEN,"
            + " note, dueInWorkingDays)")
    public Uni<EscalationView> giveBack(@PathParam("id") UUID id, @Valid @NotNull ReturnEscalationRequest body) {
        Caller agency = caller.get();
        return work.giveBack(id, body, agency).chain(() -> read(id, agency));
    }

    private Uni<EscalationView> read(UUID id, Caller agency) {
        return reader.one(id, agency).map(read -> EscalationView.of(read, true, agency));
    }
}
