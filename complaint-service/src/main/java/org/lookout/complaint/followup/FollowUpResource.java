package org.lookout.complaint.followup;

import java.net.URI;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/** Follow-up (回访) of a resolved report filed for its reporter by phone, visit, letter or by a lookout. */
@Path("/api/complaints/{id}/follow-up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
public class FollowUpResource {

    private final FollowUpService followUps;
    private final CurrentCaller caller;

    FollowUpResource(FollowUpService followUps, CurrentCaller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Record the follow-up: how the reporter was reached, satisfied or not; it counts as the rating",
            description = "Only for RESOLVED reports filed by PHONE, VISIT, LETTER or LOOKOUT and not anonymous (409"
                    + " otherwise). Satisfied closes the report, not satisfied reopens it.")
    public Uni<RestResponse<FollowUpView>> record(@PathParam("id") UUID id,
            @Valid @NotNull RecordFollowUpRequest body) {
        return followUps.record(id, body, caller.get()).map(view -> RestResponse.ResponseBuilder
                .<FollowUpView> created(URI.create("/api/complaints/" + id + "/follow-up")).entity(view).build());
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The follow-ups recorded for a report, oldest first")
    public Uni<List<FollowUpView>> list(@PathParam("id") UUID id) {
        return followUps.of(id, caller.get());
    }
}
