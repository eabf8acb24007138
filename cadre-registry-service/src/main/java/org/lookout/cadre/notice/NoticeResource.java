package org.lookout.cadre.notice;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.audit.AccessReason;
import org.lookout.cadre.supervision.FilingReceiptView;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** 三进社区: inspection previews, pre-appointment publicity and award nominations, with their comment windows. */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "notices")
public class NoticeResource {

    private final NoticeService notices;
    private final CurrentCaller caller;

    NoticeResource(NoticeService notices, CurrentCaller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR })
    @Operation(summary = "The notices of the caller's community (residents, lookouts, staff) or streets (supervisors,"
            + " inspectors), newest first, public fields")
    public Uni<List<NoticeView>> list() {
        return notices.list(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Publish a notice about an official of the inspector's streets in the official's community")
    public Uni<Response> publish(@Valid @NotNull PublishNoticeRequest request) {
        return notices.publish(request, caller.get())
                .map(notice -> Response.created(URI.create("/api/notices/" + notice.id())).entity(notice).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR })
    @Operation(summary = "One notice, public fields; 404 outside the caller's community or streets")
    public Uni<NoticeView> get(@PathParam("id") UUID id) {
        return notices.get(id, caller.get());
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT })
    @Operation(summary = "Comment inside the window (else 409), named or anonymous: it becomes supervision information"
            + " only inspectors read; 201 with a tracking code")
    public Uni<Response> comment(@PathParam("id") UUID id, @Valid @NotNull CommentOnNoticeRequest request) {
        return notices.comment(id, request.text(), request.anonymous(), caller.get())
                .map(record -> Response.created(URI.create("/api/cadres/supervision/track/" + record.trackingCode))
                        .entity(FilingReceiptView.of(record)).build());
    }

    @GET
    @Path("/{id}/comments")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "The comments on a notice (inspectors of the street); X-Access-Reason required, the read audited")
    public Uni<List<NoticeCommentView>> comments(@PathParam("id") UUID id,
            @HeaderParam(AccessReason.HEADER) String reason) {
        return notices.comments(id, caller.get(), AccessReason.require(reason));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Withdraw a published notice; the reason is kept; comments close")
    public Uni<NoticeView> withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawNoticeRequest request) {
        return notices.withdraw(id, request.reason().strip(), caller.get());
    }
}
