package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.testsupport.MonitoredMetrics;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every metric the alert rules and dashboards read of the gateway is in its real scrape ({@link MonitoredMetrics}). */
@QuarkusTest
@GatewayTestResources
class MonitoredMetricsTest {

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void everyMetricTheAlertsAndDashboardsReadIsExported() {
        given().auth().oauth2(Tokens.resident("monitored-metrics", "DCY")).when().get("/api/notices")
                .then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> MonitoredMetrics.assertExported("gateway",
                given().when().get(metrics).then().statusCode(200).extract().asString()));
    }
}
