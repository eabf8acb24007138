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
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.ADMIN })
    @Operation(summary = "Counts and the three rates of the reports received in a period, per group and in total",
            description = "scope: a community or street code (default: the staff's community, the supervisor's or"
                    + " inspector's street, everything for admin); from/to: dates of Asia/Shanghai, both included, at"
                    + " most 366 days (default: this month so far); groupBy: category (default), item, status, month,"
                    + " community. The group counts add up to the total. Confidential reports count only in the"
                    + " inspectors' figures (confidential: true), never in a community's.")
    public Uni<StatisticsView> statistics(@RestQuery String scope, @RestQuery String from, @RestQuery String to,
            @RestQuery String groupBy) {
        return statistics.statistics(scope, from, to, groupBy, caller.get()).map(StatisticsView::of);
    }

    @GET
    @Path("/public")
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT, Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A community's month as residents see it: reports per category and the three rates",
            description = "community: default the caller's own (residents, lookouts and staff see only their own;"
                    + " supervisors the communities of their street); month: yyyy-MM, default this month. No personal"
                    + " data, no free text; confidential reports are not counted.")
    public Uni<PublicStatisticsView> publicFigures(@RestQuery String community, @RestQuery String month) {
        return statistics.publicFigures(community, month, caller.get()).map(PublicStatisticsView::of);
    }

    @GET
    @Path("/ranking")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The communities of a street by resolution rate; too few reports: listed as not ranked")
    public Uni<RankingView> ranking(@RestQuery String street, @RestQuery String from, @RestQuery String to) {
        return statistics.ranking(street, from, to, caller.get()).map(RankingView::of);
    }
}
