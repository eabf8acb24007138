package org.lookout.cadre.opinion;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.lookout.audit.AccessReason;
import org.lookout.cadre.archive.ArchiveEntryView;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** 廉洁自律情况征求意见 and 廉洁意见回复. */
@Path("/api/cadres/opinions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "integrity opinions")
public class OpinionResource {

    private final OpinionService opinions;
    private final CurrentCaller caller;

    OpinionResource(OpinionService opinions, CurrentCaller caller) {
        this.opinions = opinions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Ask the community where an official lives for an integrity opinion, due in working days"
            + " (default 5)")
    public Uni<Response> request(@Valid @NotNull RequestOpinionRequest request) {
        return opinions.request(request, caller.get()).map(opinion -> Response
                .created(URI.create("/api/cadres/opinions/" + opinion.id())).entity(opinion).build());
    }

    @GET
    @RolesAllowed({ Roles.INSPECTOR, Roles.SUPERVISOR, Roles.STAFF })
    @Operation(summary = "Requests of the caller's streets (inspectors, supervisors) or community (staff), newest first;"
            + " overdue=true: open ones past their deadline")
    public Uni<List<OpinionView>> list(@QueryParam("overdue") boolean overdue) {
        return opinions.list(caller.get(), overdue);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.INSPECTOR, Roles.SUPERVISOR, Roles.STAFF })
    @Operation(summary = "One request: the draft for the community's staff and head, the issued opinion for the"
            + " inspector (both reads audited, X-Access-Reason kept when sent), the status for supervisors")
    public Uni<OpinionView> get(@PathParam("id") UUID id, @HeaderParam(AccessReason.HEADER) String reason) {
        return opinions.get(id, caller.get(), AccessReason.optional(reason));
    }

    @GET
    @Path("/{id}/archive")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The official's archive for the staff drafting an open request; X-Access-Reason required,"
            + " the read audited")
    public Uni<List<ArchiveEntryView>> archive(@PathParam("id") UUID id,
            @HeaderParam(AccessReason.HEADER) String reason) {
        return opinions.archiveForDraft(id, caller.get(), AccessReason.require(reason));
    }

    @PUT
    @Path("/{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Write (or rewrite) the draft and the archive entries it cites: staff of the community")
    public Uni<OpinionView> draft(@PathParam("id") UUID id, @Valid @NotNull DraftOpinionRequest request) {
        return opinions.draft(id, request, caller.get());
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Approve and issue the draft: the community head only")
    public Uni<OpinionView> issue(@PathParam("id") UUID id) {
        return opinions.issue(id, caller.get());
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Send the draft back to staff with a reason: the community head only")
    public Uni<OpinionView> returnToStaff(@PathParam("id") UUID id, @Valid @NotNull ReturnOpinionRequest request) {
        return opinions.returnToStaff(id, request.reason().strip(), caller.get());
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Withdraw an open request (inspectors of the street)")
    public Uni<OpinionView> withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawOpinionRequest request) {
        return opinions.withdraw(id, request.reason().strip(), caller.get());
    }
}
