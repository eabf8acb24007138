package org.lookout.cadre.calendar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** escalation-service's working calendar (its owner): {@code GET /api/calendar/deadline}, public. */
@RegisterRestClient(configKey = "working-calendar")
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
public interface WorkingCalendarClient {

    @GET
    @Path("/deadline")
    Uni<DeadlineAnswer> deadline(@QueryParam("from") String from, @QueryParam("workingDays") int workingDays);
}
