package org.lookout.complaint.open311;

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
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/** Keys of Open311 client applications, issued and revoked by admin. */
@Path("/api/open311/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "open311")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final CurrentCaller caller;

    ApiKeyResource(ApiKeyService keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key for a client application (admin); the answer shows the key, this once")
    public Uni<RestResponse<ApiKeyView>> issue(@Valid @NotNull IssueApiKeyRequest body) {
        return keys.issue(body, caller.subject()).map(issued -> RestResponse.ResponseBuilder
                .<ApiKeyView> created(URI.create("/api/open311/keys/" + issued.id()))
                .entity(issued)
                // the key is shown once: no cache keeps it
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }

    @GET
    @Operation(summary = "Every key, newest first, without the keys themselves (admin)")
    public Uni<List<ApiKeyView>> all() {
        return keys.all();
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke a key (admin): its client can no longer file requests; 409 when already revoked")
    public Uni<ApiKeyView> revoke(@PathParam("id") UUID id) {
        return keys.revoke(id, caller.subject());
    }
}
