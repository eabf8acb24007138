package org.lookout.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The public port serves nothing under {@code /q}, in any spelling: health, metrics (880 kB of internals per anonymous
 * request), the gateway's own OpenAPI and any other framework page are the management interface's (issue 17, item 7).
 * The gateway's own lock answers first, whatever Quarkus would mount there.
 */
@QuarkusTest
@GatewayTestResources
class FrameworkPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/metrics/", "/q/openapi", "/q/health", "/q/health/live", "/q/health/ready",
            "/q/health/started", "/q/dev-ui", "/q/swagger-ui", "/q", "/q/", "/q/./metrics", "/x/../q/metrics",
            "/q;x=1/metrics", "/Q/../q/health"})
    void nothing_under_q_is_served_on_the_public_port(String path) {
        given().urlEncodingEnabled(false).when().get(path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lookout:problem:not-found"));
    }
}
