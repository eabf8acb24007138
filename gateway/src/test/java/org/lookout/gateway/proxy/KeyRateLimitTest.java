package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A route limited per client key (as Open311 is by {@code api_key}) gives each key its own bucket, whether the key
 * comes in the query or in a form body, and forwards a form body it read to find the key unchanged.
 */
@QuarkusTest
@GatewayTestResources
class KeyRateLimitTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void each_key_in_a_form_body_has_its_own_bucket_and_the_body_arrives_whole() {
        String body = "service_code=water&api_key=form-key-1&description=" + "x".repeat(5000);
        given().contentType(FORM).body(body).post("/api/test-keyed/requests.xml").then().statusCode(200)
                .body("bodyBytes", equalTo(body.length()));
        given().contentType(FORM).body(body).post("/api/test-keyed/requests.xml").then().statusCode(200);
        given().contentType(FORM).body(body).post("/api/test-keyed/requests.xml").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "1800");
        given().contentType(FORM).body(body.replace("form-key-1", "form-key-2")).post("/api/test-keyed/requests.xml")
                .then().statusCode(200);
    }

    @Test
    void a_key_in_the_query_counts_the_same_and_no_key_has_no_key_bucket() {
        for (int i = 0; i < 2; i++) {
            given().get("/api/test-keyed/services.xml?api_key=query-key").then().statusCode(200);
        }
        given().get("/api/test-keyed/services.xml?api_key=query-key").then().statusCode(429);
        for (int i = 0; i < 3; i++) {
            given().contentType(FORM).body("service_code=water").post("/api/test-keyed/requests.json").then()
                    .statusCode(200);
        }
    }

    @Test
    void a_form_body_over_the_routes_limit_is_refused_while_it_is_read() {
        given().contentType(FORM).body("api_key=big&description=" + "x".repeat(1_100_000))
                .post("/api/test-keyed/requests.xml").then().statusCode(413)
                .contentType("application/problem+json");
    }
}
