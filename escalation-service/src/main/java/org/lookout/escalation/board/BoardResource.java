package org.lookout.escalation.board;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/escalations/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sla board")
public class BoardResource {

    private final BoardService boards;
    private final CurrentCaller caller;

    BoardResource(BoardService boards, CurrentCaller caller) {
        this.boards = boards;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The SLA board of a street or a community (staff their community, supervisors their street,"
            + " admin any): clocks warned and breached now, escalations waiting per agency with their deadlines, per"
            + " community counts and the oldest open report; 404 outside the caller's scope")
    public Uni<BoardView> board(@QueryParam("street") String street, @QueryParam("community") String community) {
        return boards.board(street, community, caller.get());
    }
}
