package org.lookout.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** What the gateway answers where the framework would answer in its own format. */
@QuarkusTest
@GatewayTestResources
class FrameworkAnswersTest {

    private static final String TOKEN = Tokens.resident("framework-tester", "DCY");

    @ParameterizedTest
    @ValueSource(strings = {"/api/no-such-route", "/nothing-here", "/api", "/api/taxonomy%2f..%2fcadres/tip-offs"})
    void a_path_routed_to_no_service_is_a_404_problem(String path) {
        RawHttp.Answer answer = RawHttp.get(path);
        JsonObject problem = assertProblem(answer, 404, "not-found");
        assertThat(problem.getString("instance")).isEqualTo(path);
        assertThat(answer.body()).doesNotContain("<html");
    }

    /** Health, metrics and the framework's OpenAPI are on the management interface (its own port), never public. */
    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/openapi",
        "/q/swagger-ui", "/q/info"})
    void management_endpoints_are_not_served_on_the_public_port(String path) {
        assertProblem(RawHttp.get(path), 404, "not-found");
    }

    @Test
    void a_path_routed_to_no_service_is_a_404_problem_with_a_token_too() {
        assertProblem(RawHttp.get("/api/no-such-route", "Authorization: Bearer " + TOKEN), 404, "not-found");
    }

    @Test
    void a_body_declared_over_the_global_ceiling_is_a_413_problem_and_the_connection_closes() {
        // 20 MB + 1 byte: the attachment route's own limit is the ceiling, so this is refused before any route
        RawHttp.Answer answer = RawHttp.send("POST /api/complaints/DCY-2026-000123/attachments HTTP/1.1",
                "Authorization: Bearer " + TOKEN,
                "Content-Type: application/octet-stream",
                "Content-Length: " + (20 * 1024 * 1024 + 1));
        JsonObject problem = assertProblem(answer, 413, "payload-too-large");
        assertThat(problem.getString("detail")).contains(Long.toString(20 * 1024 * 1024));
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    @Test
    void a_request_without_a_host_header_is_a_400_problem() {
        RawHttp.Answer answer = RawHttp.exchange("GET /api/taxonomy HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 400, "invalid-request");
    }

    /** vert.x-web answers 404 rather than 405 here: the gateway's catch-all handler matches every method. */
    @Test
    void a_method_the_gateways_own_endpoint_does_not_take_is_a_problem() {
        assertProblem(RawHttp.send("DELETE /openapi HTTP/1.1"), 404, "not-found");
    }

    /**
     * The HTTP codec refuses these before any handler runs, with a bare answer: Quarkus offers no hook for the
     * server's invalid-request handler. Pinned here so a version that does can be noticed.
     */
    @Test
    void request_lines_and_headers_the_codec_refuses_get_its_bare_status() {
        assertThat(RawHttp.get("/api/" + "a".repeat(5_000)).status()).isEqualTo(414);
        assertThat(RawHttp.get("/api/taxonomy", "X-Big: " + "a".repeat(30_000)).status()).isEqualTo(431);
        assertThat(RawHttp.send("GET /api/taxonomy HTTP/9.9").status()).isEqualTo(501);
    }

    static JsonObject assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isEqualTo("urn:lookout:problem:" + slug);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("requestId")).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
        return problem;
    }
}
