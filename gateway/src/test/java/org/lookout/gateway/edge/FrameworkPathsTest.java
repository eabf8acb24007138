package org.lookout.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The public port serves nothing under {@code /q} but the documented liveness and readiness: metrics (880 kB of
 * internals per anonymous request), the gateway's own OpenAPI and any other framework page are the management
 * interface's (issue 17, item 7).
 */
@QuarkusTest
@GatewayTestResources
class FrameworkPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/metrics/", "/q/openapi", "/q/health", "/q/health/started", "/q/dev-ui",
            "/q/swagger-ui", "/q", "/q/", "/q/./metrics", "/x/../q/metrics", "/q;x=1/metrics"})
    void nothing_else_under_q_is_served_on_the_public_port(String path) {
        given().urlEncodingEnabled(false).when().get(path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lookout:problem:not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready"})
    void liveness_and_readiness_stay_public(String path) {
        given().when().get(path).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(503)));
    }
}
