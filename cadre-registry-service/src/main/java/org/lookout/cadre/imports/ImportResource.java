package org.lookout.cadre.imports;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Bulk imports of registration forms (CSV as the body), run as jobs. */
@Path("/api/cadres/imports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "officials")
public class ImportResource {

    /** The upload route, whose body limit is the import's. */
    public static final String UPLOAD_PATH = "/api/cadres/imports/?";

    private final ImportService imports;
    private final CurrentCaller caller;

    ImportResource(ImportService imports, CurrentCaller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Import registration forms from CSV (UTF-8 or GB18030: detected, or charset=); 202 with the job,"
            + " which runs in batches: follow it at Location")
    public Uni<Response> start(byte[] body, @QueryParam("charset") String charset) {
        return imports.start(body, charset, caller.get()).map(job -> Response.accepted(ImportJobView.of(job, null))
                .location(URI.create("/api/cadres/imports/" + job.id)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "An import job: rows done, imported, updated, unchanged, refused (each with its line and reason),"
            + " and its end; 404 for another inspector's")
    public Uni<ImportJobView> status(@PathParam("id") UUID id) {
        return imports.status(id, caller.get());
    }
}
