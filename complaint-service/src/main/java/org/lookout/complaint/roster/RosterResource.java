package org.lookout.complaint.roster;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/** The lookout roster (监督员队伍) of a community: appointments, activity, retirements, uncovered buildings. */
@Path("/api/lookouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "lookouts")
public class RosterResource {

    private final RosterService roster;
    private final CurrentCaller caller;

    RosterResource(RosterService roster, CurrentCaller caller) {
        this.roster = roster;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The lookouts of a community with their activity (default: the staff's own community)",
            description = "active=true|false narrows the list. Activity: reports filed as a lookout, of them confirmed"
                    + " and resolved, in total and among those received this month; confidential reports not counted.")
    public Uni<List<LookoutView>> list(@RestQuery String community, @RestQuery String active) {
        return roster.list(community, active, caller.get());
    }

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Appoint a lookout: the account gets the lookout role and community (Keycloak admin API)",
            description = "The account change follows within seconds (account.state PENDING_GRANT → GRANTED); when"
                    + " Keycloak does not allow it, NEEDS_ADMINISTRATOR with the exact change in account.change."
                    + " 409 when the account is already an active lookout.")
    public Uni<RestResponse<LookoutView>> appoint(@Valid @NotNull AppointLookoutRequest body) {
        return roster.appoint(body, caller.get()).map(view -> RestResponse.ResponseBuilder
                .<LookoutView> created(URI.create("/api/lookouts/" + view.id())).entity(view).build());
    }

    @GET
    @Path("/buildings")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The community's registered buildings and those no active lookout covers")
    public Uni<BuildingsView> buildings(@RestQuery String community) {
        return roster.buildings(community, caller.get());
    }

    @PUT
    @Path("/buildings")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Register the community's buildings (replaces the list)")
    public Uni<BuildingsView> registerBuildings(@RestQuery String community,
            @Valid @NotNull RegisterBuildingsRequest body) {
        return roster.registerBuildings(community, body, caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One lookout with their activity")
    public Uni<LookoutView> get(@PathParam("id") UUID id) {
        return roster.find(id, caller.get());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "An active lookout's name, kind and buildings (409 once retired)")
    public Uni<LookoutView> edit(@PathParam("id") UUID id, @Valid @NotNull EditLookoutRequest body) {
        return roster.edit(id, body, caller.get());
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Retire a lookout: the account loses the lookout role (it keeps its community)")
    public Uni<LookoutView> retire(@PathParam("id") UUID id, RetireLookoutRequest body) {
        return roster.retire(id, body, caller.get());
    }
}
