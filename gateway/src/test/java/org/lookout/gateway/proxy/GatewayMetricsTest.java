package org.lookout.gateway.proxy;

import org.lookout.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@GatewayTestResources
class GatewayMetricsTest {

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void requests_latency_and_upstream_errors_are_counted_per_route() {
        String token = Tokens.resident("metrics-tester", "DCY");
        given().auth().oauth2(token).when().get("/api/notices").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/test-down").then().statusCode(503);

        given().when().get(metrics)
                .then().statusCode(200)
                .body(containsString("lookout_gateway_requests_seconds_count{method=\"GET\",route=\"cadres\",status=\"200\"}"))
                .body(containsString("lookout_gateway_requests_seconds_bucket{method=\"GET\",route=\"cadres\",status=\"200\""))
                .body(containsString("lookout_gateway_upstream_errors_total{kind=\"unavailable\",route=\"test-down\",upstream=\"down-service\"}"));
    }
}
