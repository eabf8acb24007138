package org.lookout.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@GatewayTestResources
class UpstreamsReadinessCheckTest {

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void readiness_stays_up_and_names_the_upstream_that_is_down() {
        given().when().get(readiness)
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("upstreams"))
                .body("checks.find { it.name == 'upstreams' }.data.complaint-service", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.notification-service", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.down-service", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.down", equalTo(1));
    }
}
