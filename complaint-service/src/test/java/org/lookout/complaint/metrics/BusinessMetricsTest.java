package org.lookout.complaint.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.config.MovableClock;
import org.lookout.testsupport.MonitoredMetrics;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The business gauges hold what {@code /api/statistics} says of the same month: reports per community and category,
 * and the three rates' numerators and denominators per community. May 2021, community JXY: no other test files
 * reports then.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class BusinessMetricsTest {

    private static final String COMMUNITY = "JXY";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String RESIDENT = Tokens.resident("metrics-resident", COMMUNITY);

    @Inject
    MovableClock clock;

    @Inject
    BusinessMetrics metrics;

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
    void theGaugesHoldTheMonthsFiguresOfTheStatistics() throws Throwable {
        file("corridor-lighting", "2021-05-10T09:00");
        file("water", "2021-05-11T09:00");
        file("subsistence-allowance", "2021-05-12T09:00");
        clock.set(at("2021-05-20T09:00"));

        VertxContextSupport.subscribeAndAwait(metrics::refresh);

        assertThat(gauge("lookout.month.reports", "category", "LIFE")).isEqualTo(2);
        assertThat(gauge("lookout.month.reports", "category", "SERVICE")).isEqualTo(1);
        assertThat(gauge("lookout.month.reports", "category", "ENFORCEMENT")).isZero();
        JsonPath month = given().auth().oauth2(Tokens.admin())
                .queryParam("scope", COMMUNITY).queryParam("from", "2021-05-01").queryParam("to", "2021-05-20")
                .when().get("/api/statistics").then().statusCode(200).extract().jsonPath();
        assertThat(month.getLong("total.count")).isEqualTo(3);
        for (String rate : new String[] {"response", "resolution", "satisfaction"}) {
            assertThat(gauge("lookout.month.rate.numerator", "rate", rate)).as(rate)
                    .isEqualTo(month.getLong("total." + rate + ".numerator"));
            assertThat(gauge("lookout.month.rate.denominator", "rate", rate)).as(rate)
                    .isEqualTo(month.getLong("total." + rate + ".denominator"));
        }
        // labels are codes only: no report id, no person, no text
        assertThat(Search.in(registry).name(name -> name.startsWith("lookout.month")).meters())
                .allSatisfy(meter -> assertThat(meter.getId().getTags())
                        .allSatisfy(tag -> assertThat(tag.getKey()).isIn("community", "category", "rate")));
        // the names the dashboards read (deploy/prometheus/metrics.tsv), in the real scrape
        assertThat(MonitoredMetrics.seriesNames(RestAssured.get(scrape).then().statusCode(200)
                .extract().asString())).contains("lookout_month_reports", "lookout_month_rate_numerator", "lookout_month_rate_denominator");
    }

    private double gauge(String name, String key, String value) {
        return registry.get(name).tag("community", COMMUNITY).tag(key, value).gauge().value();
    }

    private void file(String item, String receivedInShanghai) {
        clock.set(at(receivedInShanghai));
        submit(RESIDENT, """
                {"itemCode":"%s","title":"metrics month","description":"a report of the month","communityCode":"%s",
                 "location":{"address":"杏花苑 5号楼"},"channel":"APP","anonymous":false}
                """.formatted(item, COMMUNITY)).statusCode(201);
        clock.reset();
    }

    private static java.time.Instant at(String shanghai) {
        return LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant();
    }
}
