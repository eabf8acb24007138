package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.testsupport.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;

/** Read from the registry: /q/metrics is the management interface's, not the public port's (FrameworkPathsTest). */
@QuarkusTest
@GatewayTestResources
class GatewayMetricsTest {

    @Inject
    MeterRegistry registry;

    @Test
    void requests_latency_and_upstream_errors_are_counted_per_route() {
        String token = Tokens.resident("metrics-tester", "DCY");
        given().auth().oauth2(token).when().get("/api/notices").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/test-down").then().statusCode(503);

        Timer cadres = registry.find("lookout.gateway.requests").tags("route", "cadres", "method", "GET", "status", "200")
                .timer();
        assertThat(cadres).isNotNull();
        assertThat(cadres.count()).isPositive();
        assertThat(cadres.takeSnapshot().histogramCounts()).as("latency histogram buckets").isNotEmpty();
        assertThat(registry.find("lookout.gateway.upstream.errors")
                .tags("kind", "unavailable", "route", "test-down", "upstream", "down-service").counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isPositive());
    }
}
