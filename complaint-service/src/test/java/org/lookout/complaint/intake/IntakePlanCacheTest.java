package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.open311.Open311Client;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * An intake's two statements (its possible duplicates, then the numbering statement) never make Hibernate plan them
 * per report. Through the API they bypass Hibernate altogether: they run on the reactive pool
 * ({@link NamedStatement}), prepared once per connection by the client. In a caller's transaction (Open311, public
 * intake) they run in the session and are planned once, then found in Hibernate's plan cache. Before the repair
 * (module {@code persistence}) and with the number read as a {@code String}, every intake planned both again and
 * stored another copy of each: under load the lookups of those copies were 15 % of the service's CPU
 * (docs/decisions/complaint-intake-benchmark.md).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class IntakePlanCacheTest {

    private static final int REPORTS = 8;
    private static final List<String> STATEMENTS = List.of("insert into tracking_counter", "select tracking_number, status");

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void intakeThroughTheApiMakesNoHibernateQuery() {
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            for (int i = 0; i < REPORTS; i++) {
                submit(Tokens.resident("plan-cache-" + i, "JXY"), report("water", "JXY", "APP")).statusCode(201);
            }
            for (String statement : STATEMENTS) {
                assertThat(plans(statistics, statement)).as("Hibernate's plans of \"%s…\"", statement)
                        .allSatisfy(plan -> assertThat(plan.getPlanCacheMissCount() + plan.getPlanCacheHitCount())
                                .isZero());
            }
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void intakeInACallersTransactionIsPlannedOnceNotOnceAReport() {
        String key = Open311Client.issueKey("plan cache test");
        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            for (int i = 0; i < REPORTS; i++) {
                Open311Client.post("json", Open311Client.form("api_key", key, "service_code", "water", "lat", "39.9185",
                        "long", "116.5120", "attribute[FLOOR]", "4", "attribute[ANYONE_HOME]", "no",
                        "description", "Water comes through the ceiling, report " + i + " of the plan cache test."))
                        .then().statusCode(201);
            }
            for (String statement : STATEMENTS) {
                List<QueryStatistics> plans = plans(statistics, statement);
                assertThat(plans.stream().mapToLong(QueryStatistics::getPlanCacheMissCount).sum())
                        .as("plans made for \"%s…\"", statement).isLessThanOrEqualTo(1);
                assertThat(plans.stream().mapToLong(QueryStatistics::getPlanCacheHitCount).sum())
                        .as("plans of \"%s…\" found in the cache", statement).isGreaterThanOrEqualTo(REPORTS - 1);
            }
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private static List<QueryStatistics> plans(Statistics statistics, String statement) {
        return Arrays.stream(statistics.getQueries()).filter(query -> query.contains(statement))
                .map(statistics::getQueryStatistics).toList();
    }
}
