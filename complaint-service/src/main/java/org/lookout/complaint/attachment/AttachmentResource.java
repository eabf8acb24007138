package org.lookout.complaint.attachment;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lookout.problem.ProblemException;
import org.lookout.problem.Sensitive;
import org.lookout.security.CurrentCaller;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Photos and documents of a report, for everybody who may see the report. Uploads are multipart/form-data with the
 * file in part {@code file}; downloads are always attachments with {@code nosniff}, so a browser never renders them
 * as something else.
 */
@Path("/api/complaints/{id}/attachments")
@Authenticated
@Tag(name = "complaints")
public class AttachmentResource {

    /** The upload route, whose body limit is the attachment's (see the intake's body limits). */
    public static final String UPLOAD_PATH = "/api/complaints/[^/]+/attachments/?";

    private final AttachmentService attachments;
    private final CurrentCaller caller;
    private final Vertx vertx;

    AttachmentResource(AttachmentService attachments, CurrentCaller caller, Vertx vertx) {
        this.attachments = attachments;
        this.caller = caller;
        this.vertx = vertx;
    }

    @POST
    @ResponseStatus(201)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a JPEG, PNG or PDF (at most 5 MB, 5 per report), judged by its bytes")
    public Uni<AttachmentView> upload(@PathParam("id") UUID id, @RestForm(AttachmentService.FIELD) FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest(AttachmentService.FIELD, "is required (a multipart part with a file)");
        }
        attachments.checkSize(file.size());
        // read without blocking the event loop the reactive session runs on
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .chain(buffer -> attachments.add(id, buffer.getBytes(), caller.get()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The attachments of a report, without their bytes")
    public Uni<List<AttachmentView>> list(@PathParam("id") UUID id) {
        return attachments.list(id, caller.get());
    }

    @GET
    @Path("/{attachmentId}")
    @Sensitive
    @Produces({ "image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON })
    @Operation(summary = "The bytes of an attachment, with its stored media type, as a download")
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.get(id, attachmentId, caller.get()).map(attachment -> {
            String extension = AttachmentType.ofMediaType(attachment.mediaType()).map(AttachmentType::extension)
                    .orElse("bin");
            return Response.ok(attachment.content(), attachment.mediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + attachment.id() + "." + extension + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }
}
