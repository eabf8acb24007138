package org.lookout.cadre.commitment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** An official's signed commitment to accept community supervision: multipart part {@code file} and {@code signedOn}. */
@Path("/api/cadres/{id}/commitment")
@Authenticated
@Tag(name = "officials")
public class CommitmentResource {

    /** The upload route, whose body limit is the letter's. */
    public static final String UPLOAD_PATH = "/api/cadres/[^/]+/commitment/?";

    private final CommitmentService commitments;
    private final CurrentCaller caller;
    private final Vertx vertx;

    CommitmentResource(CommitmentService commitments, CurrentCaller caller, Vertx vertx) {
        this.commitments = commitments;
        this.caller = caller;
        this.vertx = vertx;
    }

    @POST
    @ResponseStatus(201)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSPECTOR, Roles.STAFF })
    @Operation(summary = "File the signed commitment letter (PDF, JPEG or PNG by its bytes, at most 5 MB) with the day it"
            + " was signed: inspectors of the street, staff of the community")
    public Uni<CommitmentView> file(@PathParam("id") UUID id, @RestForm(CommitmentService.FIELD) FileUpload file,
            @RestForm("signedOn") String signedOn) {
        if (file == null) {
            throw ProblemException.badRequest(CommitmentService.FIELD, "is required (a multipart part with the letter)");
        }
        LocalDate signed = date(signedOn);
        commitments.checkSize(file.size());
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .chain(buffer -> commitments.file(id, signed, buffer.getBytes(), caller.get()))
                .map(CommitmentView::of);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "The newest commitment letter of an official, without its bytes; 404 when there is none")
    public Uni<CommitmentView> get(@PathParam("id") UUID id) {
        return commitments.newest(id, caller.get(), false).map(CommitmentView::of);
    }

    @GET
    @Path("/file")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "The newest commitment letter's bytes, as a download")
    public Uni<Response> download(@PathParam("id") UUID id) {
        return commitments.newest(id, caller.get(), true).map(letter -> Response.ok(letter.content, letter.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commitment-" + letter.id + "."
                        + LetterType.extensionOf(letter.mediaType) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build());
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("signedOn", "is required: the day the letter was signed, e.g. 2026-02-10");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("signedOn", "must be an ISO date such as 2026-02-10");
        }
    }
}
