package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * OWASP API8:2023 Security Misconfiguration, on the real stack: sensitive answers carry {@code no-store} and
 * {@code nosniff} through the gateway; errors of every kind are problems without a stack trace or class name, at the
 * gateway and at each service directly; CORS answers only the configured origins and never with credentials; TRACE is
 * not echoed; the framework's own pages (dev UI, Swagger UI, metrics, health, OpenAPI) are not served through the
 * gateway. (That a production start refuses the development keys and secrets is proven without a stack:
 * {@code security.ProductionKeysTest}, {@code complaint.config.ProductionKeysCheckTest}, {@code DockerComposeTest}.)
 */
class OwaspApi8MisconfigurationIT {

    private static Map<String, String> ids;

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
        ids = OwaspFixtures.ids();
    }

    static Stream<Arguments> sensitive() {
        return Stream.of(
                Arguments.of("staff1", "/api/complaints/{visit}/reporter", "application/json"),
                Arguments.of("staff1", "/api/complaints/{report}/notes", "application/json"),
                Arguments.of("staff1", "/api/ledger?community=DCY", "text/csv"),
                Arguments.of("staff1", "/api/ledger?community=DCY", "application/json"),
                Arguments.of("resident1", "/api/complaints/{report}/attachments/{attachment}", "*/*"),
                Arguments.of("agency-police-dcy", "/api/escalations/{escalation}/case", "application/json"),
                Arguments.of("resident1", "/api/notifications", "application/json"));
    }

    @ParameterizedTest(name = "{0} {1} ({2}): no-store, nosniff")
    @MethodSource("sensitive")
    void sensitiveAnswersAreNeverCachedNorSniffed(String who, String path, String accept) {
        String token = who.startsWith("agency-") ? Stack.agencyToken(who) : Stack.token(who);
        Response answer = given().auth().oauth2(token).accept(accept).header("X-Access-Reason", "owasp probe")
                .get(OwaspFixtures.resolve(path));
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** Bad requests of every kind, at the gateway and at each service: problem+json, never a trace. */
    static Stream<Arguments> errors() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, String> posts = Map.of("complaint", "/api/complaints", "cadre", "/api/cadres", "escalation",
                "/api/escalations", "notification", "/api/subscriptions");
        for (LiveServices.Service service : LiveServices.all()) {
            String path = posts.get(service.part());
            for (String base : List.of(Stack.GATEWAY, service.url())) {
                String where = (base.equals(Stack.GATEWAY) ? "gateway " : service.part() + " directly ") + path;
                cases.add(Arguments.of(where, base, path, "{\"unterminated", ContentType.JSON.toString()));
                cases.add(Arguments.of(where, base, path, "[1,2,3]", ContentType.JSON.toString()));
                cases.add(Arguments.of(where, base, path, "{\"a\":\"\u0000\"}", ContentType.JSON.toString()));
                cases.add(Arguments.of(where, base, path, "<xml/>", "application/xml"));
                cases.add(Arguments.of(where, base, path + "/not-a-uuid-%ff", null, null));
                cases.add(Arguments.of(where, base, path + "/00000000-0000-0000-0000-000000000000", null, null));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {3} → problem without a trace")
    @MethodSource("errors")
    void errorsAreProblemsWithoutATrace(String where, String base, String path, String body, String contentType) {
        String token = path.startsWith("/api/subscriptions") ? Stack.agencyToken("agency-police-dcy")
                : path.startsWith("/api/cadres") ? Stack.token("inspector1") : Stack.token("staff1");
        var request = given().baseUri(base).urlEncodingEnabled(false).auth().oauth2(token)
                .accept(ContentType.JSON);
        Response answer = body == null ? request.get(path) : request.contentType(contentType).body(body).post(path);
        assertThat(answer.statusCode()).as(where + ": " + answer.asString()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.asString()).doesNotContainPattern("\\bat [a-z]+\\.[\\w.$]+\\(")
                .doesNotContain("Exception", ".java:", "io.quarkus", "com.fasterxml", "org.hibernate", "io.vertx");
    }

    @Test
    void corsAnswersOnlyTheConfiguredOriginsAndNeverWithCredentials() {
        Response foreign = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/complaints");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        Response simple = given().header("Origin", "https://evil.example").auth().oauth2(Stack.token("resident1"))
                .get("/api/notifications/unread-count");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
        Response allowed = given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").options("/api/complaints");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
    }

    @ParameterizedTest(name = "gateway TRACE/CONNECT-like {0} is not echoed")
    @ValueSource(strings = { "TRACE", "TRACK", "DEBUG" })
    void unusualMethodsAreNotEchoed(String method) {
        Response answer = given().auth().oauth2(Stack.token("staff1")).header("X-Probe", "owasp-echo")
                .request(method, "/api/complaints");
        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(answer.asString()).doesNotContain("owasp-echo").doesNotContain("Bearer");
    }

    @ParameterizedTest(name = "gateway {0} is not served")
    @ValueSource(strings = { "/q/dev-ui", "/q/dev", "/q/swagger-ui", "/q/metrics",
            "/q/health", "/q/health/ready", "/q/openapi", "/q/info", "/api/q/metrics", "/metrics", "/actuator",
            "/actuator/env", "/.env", "/.git/config", "/server-status", "/console", "/admin" })
    void frameworkAndInternalPagesAreNotServedThroughTheGateway(String path) {
        Response answer = given().urlEncodingEnabled(false).get(path);
        assertThat(answer.statusCode()).as(path + ": " + answer.asString()).isIn(401, 403, 404);
    }

    @Test
    void theGatewayNamesNoServerSoftwareOrVersion() {
        Response answer = given().get("/api/taxonomy");
        assertThat(answer.header("Server")).isNull();
        assertThat(answer.header("X-Powered-By")).isNull();
    }
}
