package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;

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
                .body("type", equalTo("urn:lookout:problem:too-many-requests"))
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"));
    }

    @Test
    void another_spelling_of_a_strict_path_counts_against_the_strict_route_not_the_general_one() {
        // test-strict (2 an hour) lies inside test-general (300 a minute), as complaint-tracking lies inside complaints
        assertThat(RawHttp.get("/api/test-general/strict;x=1/a").status()).isEqualTo(200);
        assertThat(RawHttp.get("/api/test-general/%73trict/b").status()).isEqualTo(200);
        RawHttp.Answer third = RawHttp.get("/api/test-general//./strict;jsessionid=2/c");
        assertThat(third.status()).as(third.body()).isEqualTo(429);
        assertThat(third.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(RawHttp.get("/api/test-general/elsewhere").status()).isEqualTo(200);
    }
}
