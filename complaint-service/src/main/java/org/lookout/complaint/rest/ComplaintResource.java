package org.lookout.complaint.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.complaint.service.IntakeService;
import org.lookout.complaint.service.LifecycleCommand;
import org.lookout.complaint.service.LifecycleService;
import org.lookout.complaint.service.ReportQueryService;
import org.lookout.complaint.service.SubmitReport;
import org.lookout.security.Caller;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "complaints")
public class ComplaintResource {

    private final IntakeService intake;
    private final ReportQueryService queries;
    private final LifecycleService lifecycle;
    private final CurrentCaller caller;

    ComplaintResource(IntakeService intake, ReportQueryService queries, LifecycleService lifecycle, CurrentCaller caller) {
        this.intake = intake;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF })
    @Operation(summary = "File a report", description = "Residents and lookouts file through APP, WEB or LOOKOUT;"
            + " staff record VISIT, PHONE and LETTER reports of their community. Answers 201 with the tracking number,"
            + " possible duplicates and, for an anonymous report, its tracking code and secret (shown once).")
    public Uni<RestResponse<ReceiptView>> submit(@Valid @NotNull SubmitReport body) {
        return intake.submit(body, caller.get()).map(receipt -> RestResponse.ResponseBuilder
                .<ReceiptView> created(URI.create("/api/complaints/" + receipt.report().id))
                .entity(ReceiptView.of(receipt))
                // a tracking secret is shown once: no cache keeps it
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A report within the caller's scope; 404 outside it")
    public Uni<ReportView> get(@PathParam("id") UUID id) {
        return queries.find(id, caller.get()).map(ReportView::of);
    }

    @GET
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT })
    @Operation(summary = "The reports the caller filed, newest first")
    public Uni<List<ReportView>> mine() {
        return queries.filedBy(caller.get()).map(reports -> reports.stream().map(ReportView::of).toList());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of a report, oldest first, for those who may see the report")
    public Uni<List<HistoryEntryView>> history(@PathParam("id") UUID id) {
        Caller current = caller.get();
        boolean internal = queries.readsInternalNotes(current);
        return queries.history(id, current)
                .map(entries -> entries.stream().map(entry -> HistoryEntryView.of(entry, internal)).toList());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Accept a received report for handling (RECEIVED → ACCEPTED)")
    public Uni<ReportView> accept(@PathParam("id") UUID id, @Valid LifecycleCommand.Accept body) {
        return lifecycle.accept(id, body == null ? new LifecycleCommand.Accept(null) : body, caller.get())
                .map(ReportView::of);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Reject a report as DUPLICATE (of duplicateOf), OUT_OF_SCOPE or SPAM")
    public Uni<ReportView> reject(@PathParam("id") UUID id, @Valid @NotNull LifecycleCommand.Reject body) {
        return lifecycle.reject(id, body, caller.get()).map(ReportView::of);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Assign a report to a staff member or a named unit (again after REOPENED)")
    public Uni<ReportView> assign(@PathParam("id") UUID id, @Valid @NotNull LifecycleCommand.Assign body) {
        return lifecycle.assign(id, body, caller.get()).map(ReportView::of);
    }

    @POST
    @Path("/{id}/respond")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Record the on-site visit or first contact")
    public Uni<ReportView> respond(@PathParam("id") UUID id, @Valid @NotNull LifecycleCommand.Respond body) {
        return lifecycle.respond(id, body, caller.get()).map(ReportView::of);
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Record the result; the reporter is asked for a rating")
    public Uni<ReportView> resolve(@PathParam("id") UUID id, @Valid @NotNull LifecycleCommand.Resolve body) {
        return lifecycle.resolve(id, body, caller.get()).map(ReportView::of);
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT })
    @Operation(summary = "The reporter rates a resolved report: satisfied closes it, not satisfied reopens it")
    public Uni<ReportView> feedback(@PathParam("id") UUID id, @Valid @NotNull LifecycleCommand.Feedback body) {
        return lifecycle.feedback(id, body, caller.get()).map(ReportView::of);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Close a resolved report, or (resolvable false) close a responded one as not resolvable")
    public Uni<ReportView> close(@PathParam("id") UUID id, @Valid @NotNull LifecycleCommand.Close body) {
        return lifecycle.close(id, body, caller.get()).map(ReportView::of);
    }

    @POST
    @Path("/{id}/await-reporter")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Wait for the reporter (more information, access): the status stays, the SLA clocks pause")
    public Uni<ReportView> awaitReporter(@PathParam("id") UUID id, @Valid LifecycleCommand.AwaitReporter body) {
        return lifecycle.awaitReporter(id, body == null ? new LifecycleCommand.AwaitReporter(null) : body, caller.get())
                .map(ReportView::of);
    }

    @POST
    @Path("/{id}/reporter-answered")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The reporter answered: the wait ends and the SLA clocks resume")
    public Uni<ReportView> reporterAnswered(@PathParam("id") UUID id) {
        return lifecycle.reporterAnswered(id, caller.get()).map(ReportView::of);
    }
}
