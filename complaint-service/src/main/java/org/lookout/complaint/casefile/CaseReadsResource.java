package org.lookout.complaint.casefile;

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

/** The audit of a report's case file: which agency read it, who, when. */
@Path("/api/complaints/{id}/case-reads")
@Tag(name = "complaints")
public class CaseReadsResource {

    private final CaseFileService cases;
    private final CurrentCaller caller;

    CaseReadsResource(CaseFileService cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN })
    @Operation(summary = "Every read of the report's case file by an agency, newest first (at most 500): staff and"
            + " supervisors in scope, inspectors (confidential reports), admin")
    public Uni<List<CaseReadView>> reads(@PathParam("id") UUID id) {
        return cases.readsOf(id, caller.get());
    }
}
