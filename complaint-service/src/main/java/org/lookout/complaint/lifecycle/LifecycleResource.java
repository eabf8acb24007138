package org.lookout.complaint.lifecycle;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** One report: read it and its history, and move it along its lifecycle (ARCHITECTURE §5). */
@Path("/api/complaints/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "complaints")
public class LifecycleResource {

    private final ReportQueryService queries;
    private final LifecycleService lifecycle;
    private final CurrentCaller caller;

    LifecycleResource(ReportQueryService queries, LifecycleService lifecycle, CurrentCaller caller) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A report within the caller's scope; 404 outside it")
    public Uni<ReportView> get(@PathParam("id") UUID id) {
        return queries.find(id, caller.get());
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every change of a report, oldest first, for those who may see the report")
    public Uni<List<HistoryEntryView>> history(@PathParam("id") UUID id) {
        return queries.history(id, caller.get());
    }

    @POST
    @Path("/accept")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Accept a received report for handling (RECEIVED → ACCEPTED)")
    public Uni<ReportView> accept(@PathParam("id") UUID id, @Valid AcceptReportRequest body) {
        return lifecycle.accept(id, body == null ? new AcceptReportRequest(null) : body, caller.get());
    }

    @POST
    @Path("/reject")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Reject a report as DUPLICATE (of duplicateOf), OUT_OF_SCOPE or SPAM")
    public Uni<ReportView> reject(@PathParam("id") UUID id, @Valid @NotNull RejectReportRequest body) {
        return lifecycle.reject(id, body, caller.get());
    }

    @POST
    @Path("/assign")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Assign a report to a staff member or a named unit (again after REOPENED)")
    public Uni<ReportView> assign(@PathParam("id") UUID id, @Valid @NotNull AssignReportRequest body) {
        return lifecycle.assign(id, body, caller.get());
    }

    @POST
    @Path("/respond")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Record the on-site visit or first contact")
    public Uni<ReportView> respond(@PathParam("id") UUID id, @Valid @NotNull RecordResponseRequest body) {
        return lifecycle.respond(id, body, caller.get());
    }

    @POST
    @Path("/resolve")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Record the result; the reporter is asked for a rating")
    public Uni<ReportView> resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveReportRequest body) {
        return lifecycle.resolve(id, body, caller.get());
    }

    @POST
    @Path("/feedback")
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT })
    @Operation(summary = "The reporter rates a resolved report: satisfied closes it, not satisfied reopens it")
    public Uni<ReportView> feedback(@PathParam("id") UUID id, @Valid @NotNull RateReportRequest body) {
        return lifecycle.rate(id, body, caller.get());
    }

    @POST
    @Path("/close")
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Operation(summary = "Close a resolved report, or (resolvable false) close a responded one as not resolvable")
    public Uni<ReportView> close(@PathParam("id") UUID id, @Valid @NotNull CloseReportRequest body) {
        return lifecycle.close(id, body, caller.get());
    }

    @POST
    @Path("/await-reporter")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Wait for the reporter (more information, access): the status stays, the SLA clocks pause")
    public Uni<ReportView> awaitReporter(@PathParam("id") UUID id, @Valid AwaitReporterRequest body) {
        return lifecycle.awaitReporter(id, body == null ? new AwaitReporterRequest(null) : body, caller.get());
    }

    @POST
    @Path("/reporter-answered")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The reporter answered: the wait ends and the SLA clocks resume")
    public Uni<ReportView> reporterAnswered(@PathParam("id") UUID id) {
        return lifecycle.reporterAnswered(id, caller.get());
    }
}
