package org.lookout.complaint.note;

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.lookout.problem.Sensitive;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Notes on a report: contacts recorded by the officials, PUBLIC ones readable by the reporter too. */
@Path("/api/complaints/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "complaints")
@Sensitive
public class NoteResource {

    private final NoteService notes;
    private final CurrentCaller caller;

    NoteResource(NoteService notes, CurrentCaller caller) {
        this.notes = notes;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR })
    @Operation(summary = "Add a PUBLIC or INTERNAL note; staff of the community or a supervisor of the street")
    public Uni<NoteView> add(@PathParam("id") UUID id, @Valid @NotNull AddNoteRequest body) {
        return notes.add(id, body, caller.get());
    }

    @GET
    @Operation(summary = "The notes the caller may read, oldest first (residents and lookouts: PUBLIC only)")
    public Uni<List<NoteView>> list(@PathParam("id") UUID id) {
        return notes.list(id, caller.get());
    }
}
