package org.lookout.escalation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.MonitoredMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;

/**
 * The month's breaches per community and kind come from the clocks: a breach of the month counts, one of the month
 * before and a confidential one do not. May 2021: no other test breaches a clock then.
 */
@QuarkusTest
@EscalationTestResources
class BreachMetricsTest {

    @Inject
    BreachMetrics metrics;

    @Inject
    MovableClock clock;

    @Inject
    MeterRegistry registry;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL scrape;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theMonthsBreachesAreCountedPerCommunityAndKind() throws Throwable {
        String counted = EscalationFixtures.knownReport();
        String lastMonth = EscalationFixtures.knownReport();
        String confidential = EscalationFixtures.knownReport();
        breach(counted, "2021-05-03T09:00:00+08:00", false);
        breach(lastMonth, "2021-04-30T23:59:00+08:00", false);
        breach(confidential, "2021-05-04T09:00:00+08:00", true);
        long kinds = EscalationDatabase.number("select count(distinct kind) from sla_clock where report_id = ?::uuid",
                counted);
        clock.set(Instant.parse("2021-05-20T01:00:00Z"));

        VertxContextSupport.subscribeAndAwait(metrics::refresh);

        assertThat(Search.in(registry).name("lookout.month.sla.breaches").tag("community", "DCY").gauges())
                .hasSize((int) kinds)
                .allSatisfy(gauge -> assertThat(gauge.value()).isEqualTo(1.0))
                .allSatisfy(gauge -> assertThat(gauge.getId().getTags()).extracting(tag -> tag.getKey())
                        .containsExactlyInAnyOrder("community", "kind"));
        // the names the dashboards read (deploy/prometheus/metrics.tsv), in the real scrape
        assertThat(MonitoredMetrics.seriesNames(RestAssured.get(scrape).then().statusCode(200)
                .extract().asString())).contains("lookout_month_sla_breaches");
    }

    private static void breach(String reportId, String at, boolean secret) {
        EscalationDatabase.execute("update sla_clock set state = 'BREACHED', breached_at = ?, confidential = ?"
                + " where report_id = ?::uuid", OffsetDateTime.parse(at), secret, reportId);
    }
}
