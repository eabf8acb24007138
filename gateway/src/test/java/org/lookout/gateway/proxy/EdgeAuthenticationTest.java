package org.lookout.gateway.proxy;

import org.lookout.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@GatewayTestResources
class EdgeAuthenticationTest {

    @ConfigProperty(name = "lookout.gateway.upstreams.cadre-registry-service.url")
    String cadreRegistry;

    @Test
    void no_token_on_a_protected_route_is_a_401_problem_and_never_reaches_the_service() {
        long before = seenBy(cadreRegistry);
        given().when().get("/api/cadres/1")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("urn:lookout:problem:unauthorized"))
                .body("instance", equalTo("/api/cadres/1"))
                .body("detail", notNullValue())
                .body("requestId", notNullValue());
        assertThat(seenBy(cadreRegistry)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"other-audience", "expired", "tampered", "garbage"})
    void an_invalid_token_is_a_401_problem_and_never_reaches_the_service(String kind) {
        String token = switch (kind) {
            case "other-audience" -> Tokens.wrongAudience();
            case "expired" -> Tokens.expired();
            case "tampered" -> Tokens.forged();
            default -> "not-a-jwt";
        };
        long before = seenBy(cadreRegistry);
        given().auth().oauth2(token)
                .when().post("/api/cadres")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/cadres"))
                .body("requestId", notNullValue());
        assertThat(seenBy(cadreRegistry)).isEqualTo(before);
    }

    /** Authorization header lines a client may send that carry no usable bearer token. */
    static List<String> malformedBearerHeaders() {
        String signature = Tokens.resident("alice", "DCY").split("\\.")[2];
        return List.of(
                "Authorization: Bearer ..",
                "Authorization: Bearer",
                "Authorization: Bearer   ",
                "Authorization: bearer a.b",
                "Authorization: Bearer a..c",
                "Authorization: Bearer !!!.@@@.###",
                "Authorization: Bearer %%%garbage%%%",
                "Authorization: Bearer e30.e30." + signature,
                "Authorization: Bearer bnVsbA.bnVsbA." + signature,
                "Authorization: Bearer W10.W10." + signature,
                "Authorization: Bearer eyJhbGciOiJub25lIn0.e30.",
                "Authorization: Bearer " + "a".repeat(6_000) + "." + "b".repeat(6_000) + "." + "c".repeat(6_000));
    }

    @ParameterizedTest
    @MethodSource("malformedBearerHeaders")
    void a_malformed_bearer_token_is_a_401_problem_on_a_protected_route(String authorization) {
        long before = seenBy(cadreRegistry);
        assertInvalidToken(RawHttp.get("/api/cadres/1", authorization));
        assertThat(seenBy(cadreRegistry)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("malformedBearerHeaders")
    void a_malformed_bearer_token_is_a_401_problem_on_a_public_route_too(String authorization) {
        assertInvalidToken(RawHttp.get("/api/taxonomy", authorization));
    }

    @Test
    void two_authorization_headers_are_a_401_problem() {
        String token = Tokens.resident("alice", "DCY");
        assertInvalidToken(RawHttp.get("/api/cadres/1", "Authorization: Bearer " + token, "Authorization: Bearer x.y.z"));
    }

    private static void assertInvalidToken(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"lookout\", error=\"invalid_token\"");
        JsonObject problem = answer.json();
        assertThat(problem.getString("type")).isEqualTo("urn:lookout:problem:unauthorized");
        assertThat(problem.getString("requestId")).isEqualTo(answer.header("X-Request-Id"));
        assertThat(problem.fieldNames()).doesNotContain("stack", "details");
    }

    @Test
    void a_valid_token_passes_and_is_forwarded_unchanged() {
        String token = Tokens.resident("alice", "DCY");
        given().auth().oauth2(token)
                .when().get("/api/cadres/1")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void public_reads_need_no_token() {
        given().when().get("/api/taxonomy").then().statusCode(200).body("upstream", equalTo("complaint-service"));
        given().when().get("/api/calendar/2026/working-days").then().statusCode(200);
        given().when().get("/api/complaints/track/DCY-2026-000123").then().statusCode(200);
        given().when().get("/open311/v2/requests.json").then().statusCode(200);
    }

    @Test
    void public_routes_are_public_for_reads_only() {
        given().contentType("application/json").body("{}")
                .when().post("/api/taxonomy/items")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{}")
                .when().put("/open311/v2/requests.json")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void open311_writes_need_no_token_their_api_key_is_checked_by_the_service() {
        given().contentType("application/x-www-form-urlencoded").body("api_key=k&service_code=water")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(200).body("upstream", equalTo("complaint-service"));
    }

    @Test
    void the_rest_of_a_public_prefix_stays_protected() {
        given().when().get("/api/complaints/DCY-2026-000123").then().statusCode(401);
    }

    static long seenBy(String upstreamUrl) {
        return Long.parseLong(RestAssured.given().baseUri(upstreamUrl).port(-1).when().get("/__seen").asString());
    }
}
