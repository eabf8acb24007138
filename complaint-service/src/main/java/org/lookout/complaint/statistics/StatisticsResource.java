package org.lookout.complaint.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/** Statistics of received reports and the ranking of a street's communities, within the caller's scope. */
@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class StatisticsResource {

    private final StatisticsService statistics;
    private final CurrentCaller caller;

    StatisticsResource(StatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Counts and the three rates of the reports received in a period, per group and in total",
            description = "scope: a community or street code (default: the staff's community, the supervisor's street,"
                    + " everything for admin); from/to: dates of Asia/Shanghai, both included, at most 366 days"
                    + " (default: this month so far); groupBy: category (default), item, status, month, community."
                    + " The group counts add up to the total.")
    public Uni<StatisticsView> statistics(@RestQuery String scope, @RestQuery String from, @RestQuery String to,
            @RestQuery String groupBy) {
        return statistics.statistics(scope, from, to, groupBy, caller.get()).map(StatisticsView::of);
    }

    @GET
    @Path("/ranking")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The communities of a street by resolution rate; too few reports: listed as not ranked")
    public Uni<RankingView> ranking(@RestQuery String street, @RestQuery String from, @RestQuery String to) {
        return statistics.ranking(street, from, to, caller.get()).map(RankingView::of);
    }
}
