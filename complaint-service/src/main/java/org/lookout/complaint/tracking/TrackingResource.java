package org.lookout.complaint.tracking;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.complaint.lifecycle.RateReportRequest;
import org.lookout.problem.Sensitive;

import io.smallrye.mutiny.Uni;

/**
 * Anonymous tracking without a token: the code in the path, the secret in a header (never in a URL or a log); the
 * anonymous reporter's rating the same way.
 */
@Path("/api/complaints/track")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "complaints")
@Sensitive
public class TrackingResource {

    static final String SECRET_HEADER = "X-Tracking-Secret";

    private final AnonymousTrackingService tracking;

    TrackingResource(AnonymousTrackingService tracking) {
        this.tracking = tracking;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Status, item, tracking number, times and public notes of an anonymous report",
            description = "Needs the secret shown at intake in X-Tracking-Secret; unknown code and wrong or missing"
                    + " secret answer the same 404.")
    public Uni<TrackingView> track(@PathParam("code") String code, @HeaderParam(SECRET_HEADER) String secret) {
        return tracking.track(code, secret);
    }

    @POST
    @Path("/{code}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The anonymous reporter rates the resolved report: satisfied closes it, not satisfied reopens it",
            description = "Needs the secret in X-Tracking-Secret (one 404 for unknown code and wrong or missing"
                    + " secret); 409 when the report is not RESOLVED.")
    public Uni<TrackingView> rate(@PathParam("code") String code, @HeaderParam(SECRET_HEADER) String secret,
            @Valid @NotNull RateReportRequest body) {
        return tracking.rate(code, secret, body);
    }
}
