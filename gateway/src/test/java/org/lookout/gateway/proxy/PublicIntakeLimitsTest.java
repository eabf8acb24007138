package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The public intake routes need no token, and are limited per address and per community: a flood from one address is
 * cut after a handful; one community's cap holds whoever asks, without touching another community's.
 */
@QuarkusTest
@GatewayTestResources
class PublicIntakeLimitsTest {

    @Test
    void aThousandChallengesFromOneAddressAreCutByTheRateLimit() {
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            int status = given().queryParam("community", "DCY").get("/api/public/challenge").then().extract()
                    .statusCode();
            statuses.merge(status, 1, Integer::sum);
        }

        assertThat(statuses.getOrDefault(200, 0)).as("%s", statuses).isBetween(1, 10);
        assertThat(statuses.get(429)).as("%s", statuses).isGreaterThanOrEqualTo(990);
        assertThat(statuses.keySet()).containsOnly(200, 429);
        given().queryParam("community", "DCY").get("/api/public/challenge").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aReportNeedsNoTokenButOnlyPostIsPublic() {
        given().contentType("application/json").body("{}").post("/api/public/reports").then().statusCode(200);
        given().get("/api/public/reports").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCommunitysCapHoldsWhoeverAsksAndLeavesOtherCommunitiesAlone() {
        for (int i = 0; i < 3; i++) {
            given().queryParam("community", "DCY").get("/api/test-community/challenge").then().statusCode(200);
        }
        given().queryParam("community", "DCY").get("/api/test-community/challenge").then().statusCode(429);
        given().queryParam("community", "XHY").get("/api/test-community/challenge").then().statusCode(200);
        // made-up values share one bucket: spraying community names buys no extra requests
        for (int i = 0; i < 3; i++) {
            given().queryParam("community", "made-up-" + i).get("/api/test-community/challenge").then()
                    .statusCode(200);
        }
        given().queryParam("community", "x").get("/api/test-community/challenge").then().statusCode(429);
        given().get("/api/test-community/challenge").then().statusCode(429);
    }
}
