package org.lookout.gateway.proxy;

import org.lookout.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@GatewayTestResources
class RoutingTest {

    private static final String TOKEN = Tokens.resident("routing-tester", "DCY");

    @ParameterizedTest
    @CsvSource({
            "/api/complaints, complaint-service",
            "/api/complaints/DCY-2026-000123/history, complaint-service",
            "/api/complaints/42/attachments, complaint-service",
            "/api/taxonomy/categories, complaint-service",
            "/api/statistics/monthly, complaint-service",
            "/api/ledger/DCY, complaint-service",
            "/open311/v2/services.json, complaint-service",
            "/api/cadres/7, cadre-registry-service",
            "/api/notices, cadre-registry-service",
            "/api/escalations/9, escalation-service",
            "/api/agencies, escalation-service",
            "/api/calendar/2026, escalation-service",
            "/api/notifications, notification-service",
            "/api/subscriptions/3, notification-service"
    })
    void each_prefix_reaches_its_service(String path, String upstream) {
        given().auth().oauth2(TOKEN)
                .when().get(path + "?page=2")
                .then().statusCode(200)
                .header("X-Upstream", upstream)
                .body("upstream", equalTo(upstream))
                .body("uri", equalTo(path + "?page=2"))
                .body("method", equalTo("GET"));
    }

    @Test
    void a_prefix_matches_whole_segments_only() {
        given().auth().oauth2(TOKEN).when().get("/api/taxonomyx").then().statusCode(404);
        given().auth().oauth2(TOKEN).when().get("/api/unknown").then().statusCode(404);
    }

    @Test
    void dot_segments_are_resolved_before_routing_so_they_cannot_leave_a_public_route() {
        given().urlEncodingEnabled(false)
                .when().get("/api/taxonomy/../cadres/1")
                .then().statusCode(401);
    }

    @Test
    void post_bodies_and_methods_are_forwarded() {
        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"title\":\"corridor light\"}")
                .when().post("/api/complaints")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(26));
    }
}
