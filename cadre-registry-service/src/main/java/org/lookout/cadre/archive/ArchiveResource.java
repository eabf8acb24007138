package org.lookout.cadre.archive;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.lookout.audit.AccessReason;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** An official's conduct archive (社区表现档案). */
@Path("/api/cadres/{id}/archive")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "archive")
public class ArchiveResource {

    private final ArchiveService archive;
    private final CurrentCaller caller;

    ArchiveResource(ArchiveService archive, CurrentCaller caller) {
        this.archive = archive;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "The archive of an official (inspectors of the street); X-Access-Reason required, the read audited")
    public Uni<List<ArchiveEntryView>> read(@PathParam("id") UUID id,
            @HeaderParam(AccessReason.HEADER) String reason) {
        return archive.read(id, caller.get(), AccessReason.require(reason));
    }

    @POST
    @ResponseStatus(201)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INSPECTOR, Roles.STAFF })
    @Operation(summary = "Add an entry: staff of the community POSITIVE ones, inspectors of the street either kind;"
            + " a correction names the entry it supersedes")
    public Uni<ArchiveEntryView> add(@PathParam("id") UUID id, @Valid @NotNull AddArchiveEntryRequest request) {
        return archive.add(id, request, caller.get()).map(entry -> ArchiveEntryView.of(entry, null));
    }
}
