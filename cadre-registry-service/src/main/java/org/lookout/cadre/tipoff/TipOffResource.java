package org.lookout.cadre.tipoff;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/cadres/tip-offs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "tip-offs")
public class TipOffResource {

    private final TipOffService tipOffs;
    private final CurrentCaller caller;

    TipOffResource(TipOffService tipOffs, CurrentCaller caller) {
        this.tipOffs = tipOffs;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Tip-offs about officials, newest first; inspectors only, every read is audited")
    public Uni<List<TipOffView>> list() {
        return tipOffs.list(caller.subject()).map(read -> read.stream().map(TipOffView::of).toList());
    }

    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Forward a tip-off to the discipline organs (once); escalation-service opens the escalation")
    public Uni<TipOffView> forward(@PathParam("id") UUID id, @Valid @NotNull ForwardTipOffRequest request) {
        return tipOffs.forward(id, request.accusedHeadsReceivingBody(), caller.subject()).map(TipOffView::of);
    }
}
