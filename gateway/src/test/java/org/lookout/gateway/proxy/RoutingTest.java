package org.lookout.gateway.proxy;

import org.lookout.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@GatewayTestResources
class RoutingTest {

    private static final String TOKEN = Tokens.resident("routing-tester", "DCY");

    @ConfigProperty(name = "lookout.gateway.upstreams.complaint-service.url")
    String complaintService;

    @ParameterizedTest
    @CsvSource({
            "/api/complaints, complaint-service",
            "/api/complaints/DCY-2026-000123/history, complaint-service",
            "/api/complaints/42/attachments, complaint-service",
            "/api/taxonomy/categories, complaint-service",
            "/api/statistics/monthly, complaint-service",
            "/api/ledger/DCY, complaint-service",
            "/open311/v2/services.json, complaint-service",
            "/api/open311/keys, complaint-service",
            "/api/cadres/7, cadre-registry-service",
            "/api/notices, cadre-registry-service",
            "/api/escalations/9, escalation-service",
            "/api/escalations/9/acknowledge, escalation-service",
            "/api/escalations/9/case, complaint-service",
            "/api/escalations/9/case/attachments/5, complaint-service",
            "/api/public/challenge, complaint-service",
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

    /** Each spelling gets its own caller, so the tracking route's 5-a-minute bucket never interferes. */
    private static final AtomicInteger CALLERS = new AtomicInteger();

    @Test
    void a_prefix_matches_whole_segments_only() {
        given().auth().oauth2(TOKEN).when().get("/api/taxonomyx").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKEN).when().get("/api/unknown").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/complaints/track;x=1/DCY-1, /api/complaints/track/DCY-1",
            "/api/complaints;jsessionid=7/track;x=1;y=2/DCY-1;z, /api/complaints/track/DCY-1",
            "/api/complaints/%74rack/DCY-1, /api/complaints/track/DCY-1",
            "/api/complaints/%74%72%61%63%6B/DCY%2d1, /api/complaints/track/DCY-1",
            "/api/complaints/%74%72%61%63%6b/DCY%2D1, /api/complaints/track/DCY-1",
            "/api/complaints/./track/./DCY-1, /api/complaints/track/DCY-1",
            "/api/complaints//track///DCY-1, /api/complaints/track/DCY-1",
            "//api/complaints/track/DCY-1, /api/complaints/track/DCY-1",
            "/api/taxonomy/%2e%2e/complaints/track/DCY-1, /api/complaints/track/DCY-1",
            "/api/taxonomy/%2E%2E/complaints/track/DCY-1, /api/complaints/track/DCY-1",
            "/api/taxonomy/.%2e/complaints/track/DCY-1, /api/complaints/track/DCY-1",
            "/api/taxonomy/..;x=1/complaints/track/DCY-1, /api/complaints/track/DCY-1",
            "/api/taxonomy/items/../../cadres/1, /api/cadres/1",
            "/api/complaints/track/%c3%a9t%C3%A9, /api/complaints/track/%C3%A9t%C3%A9"
    })
    void every_spelling_of_a_path_is_routed_and_forwarded_in_its_normal_form(String sent, String normal) {
        String token = Tokens.resident("spelling-" + CALLERS.incrementAndGet(), "DCY");
        RawHttp.Answer answer = RawHttp.get(sent + "?page=2", "Authorization: Bearer " + token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject echo = answer.json();
        assertThat(echo.getString("uri")).isEqualTo(normal + "?page=2");
        assertThat(echo.getString("upstream"))
                .isEqualTo(normal.startsWith("/api/cadres") ? "cadre-registry-service" : "complaint-service");
    }

    @Test
    void a_matrix_parameter_does_not_take_a_public_path_off_its_route() {
        // the tracking route is public for GET; spelled with a matrix parameter it must still be that route
        RawHttp.Answer answer = RawHttp.get("/api/complaints/track;x=1/DCY-2026-000123");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getString("uri")).isEqualTo("/api/complaints/track/DCY-2026-000123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/taxonomy%2f..%2fcadres/tip-offs", "/api/taxonomy%2F..%2Fcadres/tip-offs",
            "/api/complaints/track%2FDCY-1", "/api/taxonomy%5c..%5ccadres/1", "/api/taxonomy%5C..%5Ccadres/1",
            "/api/complaints/track%3Bx=1/DCY-1", "/api/complaints/DCY-1%0d%0aX-Injected:%20yes",
            "/api/complaints/%00"})
    void a_path_that_could_mean_another_path_to_a_service_is_a_404_problem_and_never_forwarded(String sent) {
        long before = EdgeAuthenticationTest.seenBy(complaintService);
        RawHttp.Answer answer = RawHttp.get(sent, "Authorization: Bearer " + TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo("urn:lookout:problem:not-found");
        assertThat(answer.json().getString("instance")).isEqualTo(sent);
        assertThat(EdgeAuthenticationTest.seenBy(complaintService)).isEqualTo(before);
    }

    @Test
    void a_character_a_uri_path_may_not_hold_raw_is_a_400_problem() {
        RawHttp.Answer answer = RawHttp.get("/api/complaints/caf\u00e9", "Authorization: Bearer " + TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo("urn:lookout:problem:invalid-request");
        assertThat(answer.json().getString("requestId")).isEqualTo(answer.header("X-Request-Id"));
    }

    /**
     * Quarkus refuses what {@code java.net.URI} cannot parse before any handler runs, with a bare 400 (only the JVM
     * flag {@code -Dvertx.disableURIValidation=true} turns that off). Pinned: refused, and never forwarded.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/complaints/%zz", "/api/complaints/%4", "/api/complaints/%", "/api/complaints/a\"b",
            "/api/complaints/<x>", "/api/taxonomy\\..\\cadres/1"})
    void a_path_java_cannot_parse_as_a_uri_is_refused_with_400_before_the_gateway_sees_it(String sent) {
        long before = EdgeAuthenticationTest.seenBy(complaintService);
        assertThat(RawHttp.get(sent, "Authorization: Bearer " + TOKEN).status()).isEqualTo(400);
        assertThat(EdgeAuthenticationTest.seenBy(complaintService)).isEqualTo(before);
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
