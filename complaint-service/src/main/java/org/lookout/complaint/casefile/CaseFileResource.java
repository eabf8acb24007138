package org.lookout.complaint.casefile;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.complaint.attachment.AttachmentType;
import org.lookout.problem.Sensitive;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The case file of an escalated report for the agency that must act on it (or was informed): served by complaint-service,
 * which owns the report, under the escalation's path (the gateway routes {@code /api/escalations/*}{@code /case} here).
 * Only the agency of an open or recently closed part of the escalation reads it; for anybody else it does not exist
 * (404); other roles: 403. Every read is recorded.
 */
@Path("/api/escalations/{id}/case")
@RolesAllowed(Roles.AGENCY)
@Tag(name = "agency API")
@Sensitive
public class CaseFileResource {

    private final CaseFileService cases;
    private final CurrentCaller caller;

    CaseFileResource(CaseFileService cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case file: item, address, building/unit, coordinates, description, public notes, photos,"
            + " the escalation's parts and history; never the reporter. 404 unless the caller's agency has an open"
            + " part, or one closed less than the configured period (30 days) ago; a confidential case only for the"
            + " discipline commission's part")
    public Uni<RestResponse<CaseFileView>> read(@PathParam("id") UUID id) {
        return cases.read(id, caller.get()).map(view -> RestResponse.ResponseBuilder.ok(view)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @GET
    @Path("/attachments/{attachmentId}")
    @Produces({ "image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON })
    @Operation(summary = "The bytes of a photo or document of the case file, as a download; under the same rule")
    public Uni<Response> attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return cases.attachment(id, attachmentId, caller.get()).map(file -> Response.ok(file.content(),
                file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.id() + "."
                        + AttachmentType.ofMediaType(file.mediaType()).map(AttachmentType::extension).orElse("bin")
                        + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }
}
