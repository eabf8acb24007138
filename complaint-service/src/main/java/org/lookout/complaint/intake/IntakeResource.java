package org.lookout.complaint.intake;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Filing a report on every channel (the reports a caller filed are its worklist: worklist.WorklistResource). */
@Path("/api/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "complaints")
public class IntakeResource {

    private final IntakeService intake;
    private final CurrentCaller caller;

    IntakeResource(IntakeService intake, CurrentCaller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF })
    @Operation(summary = "File a report", description = "Residents and lookouts file through APP, WEB or LOOKOUT;"
            + " staff record VISIT, PHONE and LETTER reports of their community. Answers 201 with the tracking number,"
            + " possible duplicates and, for an anonymous report, its tracking code and secret (shown once).")
    public Uni<RestResponse<ReceiptView>> submit(@Valid @NotNull SubmitReportRequest body) {
        return intake.submit(body, caller.get()).map(receipt -> RestResponse.ResponseBuilder
                .<ReceiptView> created(URI.create("/api/complaints/" + receipt.report().id()))
                .entity(receipt)
                // a tracking secret is shown once: no cache keeps it
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }
}
