package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption, on the real stack: a body over a route's limit is a 413 at the
 * gateway, and over each service's own limit a 413 at the service directly (a declared length and a chunked body that
 * never says its length); pages have a ceiling (400 beyond it, at the gateway and directly); date ranges and working-day
 * counts are bounded; a signed-in caller over their bucket gets 429 with {@code Retry-After}.
 */
class OwaspApi4ResourceConsumptionIT {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    /** Each service's own body ceiling (quarkus.http.limits.max-body-size) and a JSON POST it serves. */
    static Stream<Arguments> serviceLimits() {
        return Stream.of(
                Arguments.of("complaint", "/api/complaints", 20 * 1024 * 1024),
                Arguments.of("cadre", "/api/cadres", 11 * 1024 * 1024),
                Arguments.of("escalation", "/api/escalations", 1024 * 1024),
                Arguments.of("notification", "/api/subscriptions", 64 * 1024));
    }

    @ParameterizedTest(name = "{0} directly: a body over {2} bytes → 413")
    @MethodSource("serviceLimits")
    void aServiceRefusesABodyOverItsOwnLimit(String part, String path, int limit) {
        LiveServices.Service service = LiveServices.named(part);
        String token = part.equals("notification") ? Stack.agencyToken("agency-police-dcy") : Stack.token("staff1");
        Response answer = given().baseUri(service.url()).auth().oauth2(token)
                .contentType(ContentType.JSON).body(jsonOf(limit + 1024)).post(path);
        assertThat(answer.statusCode()).as(part).isEqualTo(413);
    }

    /**
     * A chunked body (no length declared) over the service's ceiling is refused: 413, the connection closed, or 400 when
     * the JSON parser's own bound (20,000,000 characters in a string) comes first. Between a route's own limit and the
     * ceiling complaint-service still reads a chunked body (see docs/security.md, findings).
     */
    @ParameterizedTest(name = "{0} directly: a chunked body over {2} bytes is refused")
    @MethodSource("serviceLimits")
    void aServiceRefusesAChunkedBodyOverItsOwnLimit(String part, String path, int limit) throws Exception {
        LiveServices.Service service = LiveServices.named(part);
        String token = part.equals("notification") ? Stack.agencyToken("agency-police-dcy") : Stack.token("staff1");
        String status = chunked(service.port(), path, token, limit + 64 * 1024);
        assertThat(status).as(part).matches("413|400|closed");
    }

    static Stream<Arguments> gatewayRoutes() {
        return Stream.of(Arguments.of("/api/complaints", 1024 * 1024), Arguments.of("/api/cadres", 1024 * 1024),
                Arguments.of("/api/escalations", 1024 * 1024), Arguments.of("/api/subscriptions", 1024 * 1024),
                Arguments.of("/api/public/reports", 8 * 1024 * 1024));
    }

    @ParameterizedTest(name = "gateway {0}: a body over {1} bytes → 413 problem")
    @MethodSource("gatewayRoutes")
    void theGatewayRefusesABodyOverTheRoutesLimit(String path, int limit) {
        var request = given().contentType(ContentType.JSON).body(jsonOf(limit + 1024));
        if (!path.startsWith("/api/public")) {
            request.auth().oauth2(Stack.token("staff1"));
        }
        Response answer = request.post(path);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    /** Paged and ranged reads past their ceiling: 400 naming the parameter, at the gateway and directly. */
    static Stream<Arguments> ceilings() {
        return Stream.of(
                Arguments.of("complaint", "staff1", "/api/complaints", Map.of("limit", "201")),
                Arguments.of("complaint", "staff1", "/api/complaints", Map.of("limit", "100000000000")),
                Arguments.of("complaint", "staff1", "/api/ledger", Map.of("community", "DCY", "from", "1900-01-01",
                        "to", "2999-12-31")),
                Arguments.of("cadre", "inspector1", "/api/cadres", Map.of("page", "-1")),
                Arguments.of("escalation", "staff1", "/api/calendar", Map.of("from", "2026-01-01", "to",
                        "2099-12-31")),
                Arguments.of("escalation", "staff1", "/api/calendar/deadline", Map.of("from",
                        "2026-01-05T09:00:00Z", "workingDays", "251")),
                Arguments.of("notification", "resident1", "/api/notifications", Map.of("limit", "201")),
                Arguments.of("notification", "resident1", "/api/notifications", Map.of("limit", "0")),
                Arguments.of("notification", "admin1", "/api/notifications/sms-outbox", Map.of("limit", "501")));
    }

    @ParameterizedTest(name = "{0} {2} {3} → 400 (gateway and directly)")
    @MethodSource("ceilings")
    void aReadPastItsCeilingIsRefused(String part, String user, String path, Map<String, String> query) {
        String token = Stack.token(user);
        for (String base : List.of(Stack.GATEWAY, LiveServices.named(part).url())) {
            Response answer = given().baseUri(base).auth().oauth2(token).accept(ContentType.JSON)
                    .queryParams(query).get(path);
            assertThat(answer.statusCode()).as(base + path + " " + query + ": " + answer.asString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aSignedInCallerOverTheirBucketGets429WithRetryAfter() {
        // an account of its own: the bucket is per token subject, other tests' callers keep theirs
        String token = RealmUsers.tokenOf("owasp-bucket", "resident", Map.of("community", List.of("DCY")));
        Response limited = null;
        // 300 a minute, refilled as it goes (5 a second): the loop must outrun the refill
        for (int i = 0; i < 2000 && limited == null; i++) {
            Response answer = given().auth().oauth2(token).get("/api/notifications/unread-count");
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("429 within 2000 requests (default bucket 300/min)").isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        // another caller is not limited by it
        given().auth().oauth2(Stack.token("resident1")).get("/api/notifications/unread-count").then().statusCode(200);
    }

    private static String jsonOf(int bytes) {
        return "{\"text\":\"" + "a".repeat(bytes) + "\"}";
    }

    /** A chunked POST of {@code bytes}: the status line, or "closed" when the server closed the connection. */
    static String chunked(int port, String path, String token, int bytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                // the start of a JSON string that never ends: a parser must read on, only the limit stops it
                out.write(("9\r\n{\"text\":\"\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedWhileSending) {
                // the server stopped reading: what it answered before closing is still in the socket, if anything
            }
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = 0;
            try {
                while (read < 12) {
                    int n = in.read(head, read, 12 - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
            } catch (java.io.IOException reset) {
                return "closed";
            }
            return read < 12 ? "closed" : new String(head, StandardCharsets.US_ASCII).substring(9, 12);
        }
    }
}
