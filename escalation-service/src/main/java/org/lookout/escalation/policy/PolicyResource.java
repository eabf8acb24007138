package org.lookout.escalation.policy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/escalations/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sla policies")
public class PolicyResource {

    private final SlaPolicy policies;

    PolicyResource(SlaPolicy policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The SLA policy of every taxonomy item, by item code (staff, supervisor, admin): this"
            + " service's copy of complaint-service's items")
    public Uni<List<PolicyView>> all() {
        return policies.all().map(found -> found.stream().map(PolicyView::of).toList());
    }

    /** The former admin edit: the fact is edited where it is owned. Not in the API document. */
    @PUT
    @Path("/{itemCode}")
    @Operation(hidden = true)
    public Uni<Void> moved(@PathParam("itemCode") String itemCode) {
        throw new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "an item's resolution target is edited where the"
                + " taxonomy is owned: complaint-service, PUT /api/taxonomy/items/{code}", List.of());
    }
}
