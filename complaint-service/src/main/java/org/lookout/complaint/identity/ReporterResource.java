package org.lookout.complaint.identity;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.audit.AccessReason;
import org.lookout.problem.Sensitive;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The name and phone staff recorded for a walk-in, phone or letter report — apart from the report itself, so that
 * reading a report never carries them, and refused to every role that must not read them.
 */
@Path("/api/complaints/{id}/reporter")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
@Sensitive
public class ReporterResource {

    private final ReporterIdentityService identities;
    private final CurrentCaller caller;

    ReporterResource(ReporterIdentityService identities, CurrentCaller caller) {
        this.identities = identities;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR })
    @Operation(summary = "The recorded reporter: staff and supervisors in scope, inspectors for confidential reports;"
            + " X-Access-Reason required (400 without), the read audited")
    public Uni<ReporterView> get(@PathParam("id") UUID id, @HeaderParam(AccessReason.HEADER) String reason) {
        return identities.reveal(id, caller.get(), reason);
    }
}
