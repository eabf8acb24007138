package org.lookout.complaint.action;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.complaint.lifecycle.AcceptReportRequest;
import org.lookout.complaint.lifecycle.AssignReportRequest;
import org.lookout.complaint.lifecycle.RecordResponseRequest;
import org.lookout.complaint.lifecycle.ResolveReportRequest;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/** One action for many reports (集中办理): group open reports, work them once, let one leave before it is resolved. */
@Path("/api/complaints/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actions")
public class ActionResource {

    private final ActionService actions;
    private final CurrentCaller caller;

    ActionResource(ActionService actions, CurrentCaller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Group open reports of one community into an action",
            description = "422 naming reportIds[i] for a report that is not an open report of your community, is in"
                    + " another action, or is of another community than the others.")
    public Uni<RestResponse<ActionView>> create(@Valid @NotNull CreateActionRequest body) {
        return actions.create(body, caller.get()).map(view -> RestResponse.ResponseBuilder
                .<ActionView> created(URI.create("/api/complaints/actions/" + view.id())).entity(view).build());
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The actions of a community (default: the staff's own; a supervisor's street; admin all)")
    public Uni<List<ActionView>> list(@RestQuery String community) {
        return actions.list(community, caller.get());
    }

    @GET
    @Path("/{actionId}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "An action and its reports as they stand")
    public Uni<ActionView> get(@PathParam("actionId") UUID actionId) {
        return actions.find(actionId, caller.get());
    }

    @POST
    @Path("/{actionId}/reports")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Add open reports of the action's community")
    public Uni<ActionView> addReports(@PathParam("actionId") UUID actionId, @Valid @NotNull AddReportsRequest body) {
        return actions.addReports(actionId, body, caller.get());
    }

    @DELETE
    @Path("/{actionId}/reports/{reportId}")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "A report leaves the action before it is resolved (409 after)")
    public Uni<ActionView> removeReport(@PathParam("actionId") UUID actionId, @PathParam("reportId") UUID reportId) {
        return actions.removeReport(actionId, reportId, caller.get());
    }

    @POST
    @Path("/{actionId}/accept")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Accept every report of the action (all or none; 409 naming the report that cannot)")
    public Uni<ActionView> accept(@PathParam("actionId") UUID actionId, @Valid AcceptReportRequest body) {
        return actions.accept(actionId, body == null ? new AcceptReportRequest(null) : body, caller.get());
    }

    @POST
    @Path("/{actionId}/assign")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Assign every report of the action")
    public Uni<ActionView> assign(@PathParam("actionId") UUID actionId, @Valid @NotNull AssignReportRequest body) {
        return actions.assign(actionId, body, caller.get());
    }

    @POST
    @Path("/{actionId}/respond")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Record the on-site visit or first contact for every report of the action")
    public Uni<ActionView> respond(@PathParam("actionId") UUID actionId, @Valid @NotNull RecordResponseRequest body) {
        return actions.respond(actionId, body, caller.get());
    }

    @POST
    @Path("/{actionId}/resolve")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Resolve every report of the action: each reporter is asked for a rating")
    public Uni<ActionView> resolve(@PathParam("actionId") UUID actionId, @Valid @NotNull ResolveReportRequest body) {
        return actions.resolve(actionId, body, caller.get());
    }
}
