package org.lookout.cadre.official;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The officials who live in a community (住社区在职领导干部登记表). */
@Path("/api/cadres")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "officials")
public class OfficialResource {

    private final OfficialService officials;
    private final CurrentCaller caller;

    OfficialResource(OfficialService officials, CurrentCaller caller) {
        this.officials = officials;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.INSPECTOR, Roles.STAFF })
    @Operation(summary = "Inspectors: the officials of their streets (missingCommitment=true: active ones registered over"
            + " 30 days ago without a commitment letter); staff: name and post of their community's officials; by"
            + " community and name, a page (page=0, 1, …) of lookout.cadre.page-limit")
    public Uni<List<OfficialView>> list(@QueryParam("missingCommitment") boolean missingCommitment,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(CadreConfig.MAX_PAGE) int page) {
        return officials.list(caller.get(), missingCommitment, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSPECTOR, Roles.STAFF })
    @Operation(summary = "Register an official: an inspector of the street (ACTIVE), staff of the community (PENDING)")
    public Uni<Response> register(@Valid @NotNull RegisterOfficialRequest request) {
        return officials.register(request.form(), caller.get()).map(official -> Response
                .created(URI.create("/api/cadres/" + official.id)).entity(OfficialView.full(official)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSPECTOR, Roles.STAFF })
    @Operation(summary = "An official: everything for inspectors of the street, name and post for staff of the community")
    public Uni<OfficialView> get(@PathParam("id") UUID id) {
        return officials.get(id, caller.get());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Change the registration form (fields left out are kept); history kept, official-changed announced")
    public Uni<OfficialView> edit(@PathParam("id") UUID id, @Valid @NotNull EditOfficialRequest request) {
        return officials.edit(id, request, caller.get()).map(OfficialView::full);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Confirm a pending registration (ACTIVE) or record a transfer, retirement or death")
    public Uni<OfficialView> changeStatus(@PathParam("id") UUID id, @Valid @NotNull ChangeOfficialStatusRequest request) {
        return officials.changeStatus(id, request.status(), request.reason().strip(), caller.get()).map(OfficialView::full);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Every change of an official, oldest first, with the values before and after")
    public Uni<List<OfficialChangeView>> history(@PathParam("id") UUID id) {
        return officials.history(id, caller.get());
    }
}
