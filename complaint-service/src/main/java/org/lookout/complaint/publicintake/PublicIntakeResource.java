package org.lookout.complaint.publicintake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Anonymous reports from people without an account: fetch a proof-of-work challenge for the community, solve it, file
 * the report (JSON, or multipart with photos). No token; the gateway limits each address and each community.
 */
@Path("/api/public")
@PermitAll
@Tag(name = "public intake")
public class PublicIntakeResource {

    static final String REPORT_PART = "report";

    private final PublicIntakeService intake;
    private final ObjectMapper json;
    private final Vertx vertx;

    PublicIntakeResource(PublicIntakeService intake, ObjectMapper json, Vertx vertx) {
        this.intake = intake;
        this.json = json;
        this.vertx = vertx;
    }

    @GET
    @Path("/challenge")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A proof-of-work challenge (ALTCHA: HMAC-signed salt, SHA-256, maxnumber) for one report in"
            + " the community; expires in minutes, used once")
    public Uni<RestResponse<ChallengeView>> challenge(@QueryParam("community") String community) {
        return intake.challenge(community).map(challenge -> RestResponse.ResponseBuilder.ok(challenge)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "File an anonymous report with a solved challenge (`altcha`): 201 with the tracking code and"
            + " secret, shown once; 400 missing, forged, unsolved or expired challenge; 409 a challenge used before;"
            + " 422 an item not offered to the public or a community that takes no reports")
    public Uni<RestResponse<PublicReceiptView>> submit(@Valid @NotNull SubmitPublicReportRequest body) {
        return intake.submit(body, List.of()).map(PublicIntakeResource::created);
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same with photos: part `report` (the JSON above), parts `photo` (JPEG or PNG, at most 3"
            + " of 2 MB each)")
    public Uni<RestResponse<PublicReceiptView>> submitWithPhotos(@RestForm(REPORT_PART) String report,
            @RestForm(PublicIntakeService.PHOTO) List<FileUpload> photos) throws JsonProcessingException {
        if (report == null || report.isBlank()) {
            throw ProblemException.badRequest(REPORT_PART, "is required: a multipart part with the report's JSON");
        }
        SubmitPublicReportRequest body = json.readValue(report, SubmitPublicReportRequest.class);
        List<FileUpload> files = photos == null ? List.of() : photos;
        // read without blocking the event loop the reactive session runs on, one after the other
        return Multi.createFrom().iterable(files)
                .onItem().transformToUniAndConcatenate(file -> vertx.fileSystem()
                        .readFile(file.uploadedFile().toString()).map(buffer -> buffer.getBytes()))
                .collect().in(ArrayList<byte[]>::new, List::add)
                .chain(bytes -> intake.submit(body, bytes))
                .map(PublicIntakeResource::created);
    }

    private static RestResponse<PublicReceiptView> created(PublicReceiptView receipt) {
        return RestResponse.ResponseBuilder.<PublicReceiptView> created(
                URI.create("/api/complaints/track/" + receipt.trackingCode()))
                .entity(receipt)
                // the tracking secret is shown once: no cache keeps it
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
