package org.lookout.complaint.community;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/** The communities and their streets, administered here (admin only), each edit audited and published. */
@Path("/api/taxonomy/communities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "taxonomy")
public class CommunityResource {

    private final CommunityService communities;
    private final CurrentCaller caller;

    CommunityResource(CommunityService communities, CurrentCaller caller) {
        this.communities = communities;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every community with its street and whether it takes new reports, by code (admin)")
    public Uni<List<CommunityView>> all() {
        return communities.all();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One community (admin)")
    public Uni<CommunityView> get(@PathParam("code") String code) {
        return communities.find(code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a community's names, street and whether it takes new reports (admin); audited and"
            + " published to the services that keep a copy")
    public Uni<CommunityView> edit(@PathParam("code") String code, @Valid @NotNull EditCommunityRequest body) {
        return communities.edit(code, body, caller.subject());
    }

    @GET
    @Path("/{code}/boundary")
    @Operation(summary = "A community's boundary as a GeoJSON Polygon or MultiPolygon (admin); 404 when none is drawn")
    public Uni<BoundaryView> boundary(@PathParam("code") String code) {
        return communities.boundary(code);
    }

    @PUT
    @Path("/{code}/boundary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw a community's boundary (admin): a GeoJSON Polygon or MultiPolygon, [longitude, latitude]"
            + " in WGS84; audited. Reports filed by coordinates (Open311) are placed in the community that holds them.")
    public Uni<BoundaryView> editBoundary(@PathParam("code") String code, @Valid @NotNull EditBoundaryRequest body) {
        return communities.editBoundary(code, body, caller.subject());
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The latest 500 edits of the communities, newest first, optionally of one community (admin)")
    public Uni<List<CommunityAuditEntryView>> audit(@QueryParam("communityCode") String communityCode) {
        return communities.audit(communityCode);
    }
}
