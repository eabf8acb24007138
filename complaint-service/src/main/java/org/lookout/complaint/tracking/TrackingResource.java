package org.lookout.complaint.tracking;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Anonymous tracking without a token: the code in the path, the secret in a header (never in a URL or a log). */
@Path("/api/complaints/track")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "complaints")
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
}
