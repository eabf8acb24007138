package org.lookout.complaint.open311;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The Open311 part of a report (the answers to its item's questions, its media), for those who may read the report. */
@Path("/api/complaints/{id}/open311")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "complaints")
public class FilingResource {

    private final FilingService filings;
    private final CurrentCaller caller;

    FilingResource(FilingService filings, CurrentCaller caller) {
        this.filings = filings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "What an Open311 client filed beyond the report: its answers to the item's questions, media,"
            + " address id; in scope of the report, 404 for a report not filed through Open311")
    public Uni<FilingView> get(@PathParam("id") UUID id) {
        return filings.of(id, caller.get());
    }
}
