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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.complaint.service.IntakeService;
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
    private final CurrentCaller caller;

    ComplaintResource(IntakeService intake, ReportQueryService queries, CurrentCaller caller) {
        this.intake = intake;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF })
    @Operation(summary = "File a report", description = "Residents and lookouts file through APP, WEB or LOOKOUT;"
            + " staff record VISIT, PHONE and LETTER reports of their community. Answers 201 with the tracking number.")
    public Uni<RestResponse<ReportView>> submit(@Valid @NotNull SubmitReport body) {
        return intake.submit(body, caller.get()).map(report -> RestResponse.ResponseBuilder
                .<ReportView> created(URI.create("/api/complaints/" + report.id))
                .entity(ReportView.of(report))
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
}
