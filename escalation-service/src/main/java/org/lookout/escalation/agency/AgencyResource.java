package org.lookout.escalation.agency;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.problem.ProblemException;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agencies")
public class AgencyResource {

    private static final String CODE = "[a-z0-9][a-z0-9-]{1,39}";

    private final AgencyService agencies;
    private final CurrentCaller caller;

    AgencyResource(AgencyService agencies, CurrentCaller caller) {
        this.agencies = agencies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The agency directory, by code (staff, supervisor, admin; webhookUrl only to admin)")
    public Uni<List<AgencyView>> all() {
        boolean admin = caller.get().is(Roles.ADMIN);
        return agencies.all().map(found -> found.stream().map(agency -> AgencyView.of(agency, admin)).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One agency of the directory (staff, supervisor, admin; webhookUrl only to admin)")
    public Uni<AgencyView> one(@PathParam("code") String code) {
        boolean admin = caller.get().is(Roles.ADMIN);
        return agencies.byCode(code).map(agency -> AgencyView.of(agency, admin));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Creates (201) or replaces (200) an agency of the directory (admin); audited")
    public Uni<RestResponse<AgencyView>> put(@PathParam("code") String code, @Valid @NotNull SaveAgencyRequest body) {
        if (!code.matches(CODE)) {
            throw ProblemException.badRequest("code", "must be lower-case letters, digits and dashes, 2 to 40 long");
        }
        return agencies.put(code, body, caller.subject()).map(saved -> RestResponse.status(
                saved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, AgencyView.of(saved.agency(), true)));
    }
}
