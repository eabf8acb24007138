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
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * An intake's two native statements (its possible duplicates, then the numbering statement) are planned once and then
 * found in Hibernate's plan cache. Before the repair (module {@code persistence}) and with the number read as a
 * {@code String}, every intake planned both again and stored another copy of each: under load the lookups of those
 * copies were 15 % of the service's CPU (docs/decisions/complaint-intake-benchmark.md).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class IntakePlanCacheTest {

    private static final int REPORTS = 8;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void anIntakesStatementsArePlannedOnceNotOnceAReport() {
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            for (int i = 0; i < REPORTS; i++) {
                submit(Tokens.resident("plan-cache-" + i, "JXY"), report("water", "JXY", "APP")).statusCode(201);
            }
            for (String statement : List.of("insert into tracking_counter", "select tracking_number, status")) {
                List<QueryStatistics> plans = Arrays.stream(statistics.getQueries())
                        .filter(query -> query.contains(statement)).map(statistics::getQueryStatistics).toList();
                assertThat(plans.stream().mapToLong(QueryStatistics::getPlanCacheMissCount).sum())
                        .as("plans made for \"%s…\"", statement).isLessThanOrEqualTo(1);
                assertThat(plans.stream().mapToLong(QueryStatistics::getPlanCacheHitCount).sum())
                        .as("plans of \"%s…\" found in the cache", statement).isGreaterThanOrEqualTo(REPORTS - 1);
            }
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
