package org.lookout.escalation.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.escalation.domain.ItemPolicy;
import org.lookout.escalation.service.SlaPolicy;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/escalations/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sla policies")
public class PolicyResource {

    public record PolicyView(String itemCode, int resolutionWorkingDays, String source, Instant updatedAt,
            List<String> immediateAgencyKinds, boolean immediateJoint, String immediateLeadKind) {

        static PolicyView of(ItemPolicy policy) {
            return new PolicyView(policy.itemCode, policy.resolutionWorkingDays, policy.source.name(), policy.updatedAt,
                    policy.immediateAgencyKinds == null ? List.of() : List.of(policy.immediateAgencyKinds.split(",")),
                    policy.immediateJoint, policy.immediateLeadKind == null ? null : policy.immediateLeadKind.name());
        }
    }

    /** An administrator's change of an item's resolution target; the reason goes to the audit trail. */
    public record PolicyInput(@NotNull @Min(1) @Max(250) Integer resolutionWorkingDays,
            @NotBlank @Size(max = 500) String reason) {
    }

    private final SlaPolicy policies;
    private final CurrentCaller caller;

    PolicyResource(SlaPolicy policies, CurrentCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The SLA policy of every taxonomy item, by item code (staff, supervisor, admin)")
    public Uni<List<PolicyView>> all() {
        return policies.all().map(found -> found.stream().map(PolicyView::of).toList());
    }

    @PUT
    @Path("/{itemCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sets an item's resolution target in working days (admin); audited; 404 for an unknown item."
            + " Clocks started afterwards use it; running clocks keep their deadline.")
    public Uni<PolicyView> update(@PathParam("itemCode") String itemCode, @Valid @NotNull PolicyInput body) {
        return policies.update(itemCode, body.resolutionWorkingDays(), body.reason().strip(), caller.subject())
                .map(PolicyView::of);
    }
}
