package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@GatewayTestResources
class RateLimitTest {

    @Test
    void a_client_over_its_bucket_gets_a_429_problem_with_retry_after() {
        given().when().get("/api/test-limited/a").then().statusCode(200);
        given().when().get("/api/test-limited/b").then().statusCode(200);
        given().when().get("/api/test-limited/c")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1800")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"));
    }
}
