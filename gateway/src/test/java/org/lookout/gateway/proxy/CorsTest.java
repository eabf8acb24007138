package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@GatewayTestResources
class CorsTest {

    @Test
    void a_configured_origin_may_call_with_a_bearer_token() {
        given().header("Origin", "https://app.lookout.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .when().options("/api/complaints")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.lookout.test")
                .header("Access-Control-Allow-Origin", not(equalTo("*")))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void another_origin_is_refused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/taxonomy")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
