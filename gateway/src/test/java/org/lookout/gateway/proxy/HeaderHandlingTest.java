package org.lookout.gateway.proxy;

import org.lookout.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;
import org.lookout.testsupport.RecordedSpans;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@GatewayTestResources
class HeaderHandlingTest {

    private static final String TOKEN = Tokens.resident("header-tester", "DCY");

    @Test
    void a_request_id_is_created_when_absent_forwarded_and_returned() {
        Response response = given().auth().oauth2(TOKEN).when().get("/api/notifications");
        String returned = response.header("X-Request-Id");
        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(returned);
    }

    @Test
    void a_callers_request_id_is_kept() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "app-7f3a.42")
                .when().get("/api/notifications")
                .then().statusCode(200)
                .header("X-Request-Id", "app-7f3a.42")
                .body("headers.x-request-id", equalTo("app-7f3a.42"));
    }

    @Test
    void a_request_id_that_could_forge_log_lines_is_replaced() {
        String returned = given().auth().oauth2(TOKEN).header("X-Request-Id", "x y\tlevel=ERROR")
                .when().get("/api/notifications")
                .then().statusCode(200)
                .extract().header("X-Request-Id");
        assertThat(UUID.fromString(returned)).isNotNull();
    }

    @Test
    void the_gateways_own_answers_carry_the_request_id() {
        given().header("X-Request-Id", "probe-1").when().get("/openapi")
                .then().header("X-Request-Id", "probe-1");
    }

    @Test
    void forwarding_headers_are_set() {
        Response response = given().auth().oauth2(TOKEN)
                .header("X-Forwarded-For", "203.0.113.9")
                .when().get("/api/escalations");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("headers.x-forwarded-for")).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(response.jsonPath().getString("headers.x-forwarded-proto")).isEqualTo("http");
        assertThat(response.jsonPath().getString("headers.x-forwarded-host")).startsWith("localhost:");
        assertThat(response.jsonPath().getString("headers.host")).isNotEqualTo(
                response.jsonPath().getString("headers.x-forwarded-host"));
    }

    /**
     * The caller's trace goes on to the upstream, with the gateway's own spans between: its server span is the
     * caller's span's child, and the upstream's parent is the gateway's client span, a child of that server span.
     */
    @Test
    void the_callers_trace_reaches_the_upstream_with_the_gateways_spans_between() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        Response response = given().auth().oauth2(TOKEN)
                .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .header("tracestate", "lookout=1")
                .when().get("/api/escalations?agency=police-dcy");
        assertThat(response.statusCode()).isEqualTo(200);

        String forwarded = response.jsonPath().getString("headers.traceparent");
        assertThat(RecordedSpans.traceId(forwarded)).isEqualTo(traceId);
        assertThat(RecordedSpans.parentId(forwarded)).as("the upstream's parent is the gateway's, not the caller's")
                .isNotEqualTo(callersSpan);
        assertThat(response.jsonPath().getString("headers.tracestate")).isEqualTo("lookout=1");

        SpanData client = RecordedSpans.await(span -> span.getSpanId().equals(RecordedSpans.parentId(forwarded)));
        assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
        SpanData server = RecordedSpans.await(span -> span.getSpanId().equals(client.getParentSpanId()));
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getTraceId()).isEqualTo(traceId);
        assertThat(server.getParentSpanId()).isEqualTo(callersSpan);
        // the query string (it may carry a name or an Open311 api_key) and the caller's address are not recorded
        assertThat(server.getAttributes().asMap().toString() + client.getAttributes().asMap())
                .doesNotContain("police-dcy");
        assertThat(server.getAttributes().get(AttributeKey.stringKey("client.address"))).isIn(null, "redacted");
        assertThat(server.getAttributes().get(AttributeKey.stringKey("network.peer.address"))).isIn(null, "redacted");
    }

    @Test
    void hop_by_hop_headers_are_removed_both_ways() {
        given().auth().oauth2(TOKEN)
                .header("Connection", "keep-alive, X-Client-Hop")
                .header("X-Client-Hop", "for-the-gateway-only")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("TE", "trailers")
                .when().get("/api/agencies")
                .then().statusCode(200)
                .body("headers.x-client-hop", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.te", nullValue())
                .header("X-Upstream", "escalation-service")
                .header("Keep-Alive", nullValue())
                .header("X-Hop-Secret", nullValue());
    }

    /** {@code lookout.gateway.public-url} in the test profile. */
    private static final String PUBLIC_URL = "https://api.lookout.test";

    @ParameterizedTest
    @CsvSource({
            // the service's own address, as complaint-service answers a create
            "'{self}/api/complaints/DCY-2026-000123', " + PUBLIC_URL + "/api/complaints/DCY-2026-000123",
            "'{self}/api/complaints/DCY-2026-000123?view=full#top', " + PUBLIC_URL + "/api/complaints/DCY-2026-000123?view=full#top",
            "'{self}', " + PUBLIC_URL + "/",
            // a link built from the forged Host, should a service ever trust forwarded headers
            "'http://evil.example/api/complaints/1', " + PUBLIC_URL + "/api/complaints/1",
            "'//evil.example/api/complaints/1', " + PUBLIC_URL + "/api/complaints/1",
            // relative links and links elsewhere stay as they are
            "'/api/complaints/DCY-2026-000123', /api/complaints/DCY-2026-000123",
            "'DCY-2026-000123/history', DCY-2026-000123/history",
            "'https://maps.example.org/place/1', https://maps.example.org/place/1"
    })
    void a_location_pointing_at_an_upstream_or_the_forged_host_is_rewritten_to_the_public_url(String sent, String expected) {
        RawHttp.Answer answer = RawHttp.send("POST /api/complaints HTTP/1.1",
                "Host: evil.example",
                "Authorization: Bearer " + TOKEN,
                "Content-Length: 0",
                "X-Fake-Location: " + sent,
                "X-Fake-Content-Location: " + sent);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo(expected);
        assertThat(answer.header("Content-Location")).isEqualTo(expected);
    }

    @Test
    void a_location_on_the_upstreams_address_never_leaves_the_gateway() {
        String location = given().auth().oauth2(TOKEN).header("X-Fake-Location", "{self}/api/complaints/DCY-2026-000124")
                .contentType("application/json").body("{}")
                .when().post("/api/complaints")
                .then().statusCode(201)
                .extract().header("Location");
        assertThat(location).isEqualTo(PUBLIC_URL + "/api/complaints/DCY-2026-000124").doesNotContain("127.0.0.1");
    }
}
