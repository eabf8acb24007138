package org.lookout.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Slow clients at the edge (issue 17, item 7): headers trickled byte by byte are cut at the header deadline, a body
 * sent slowly never takes an upstream connection and is cut at the body deadline, and one client cannot have more
 * than its share of requests in flight. Deadlines and the cap are shortened by the profile so the test is quick.
 */
@QuarkusTest
@GatewayTestResources
@TestProfile(SlowClientsTest.ShortDeadlines.class)
class SlowClientsTest {

    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lookout.gateway.header-read-timeout", "1s",
                    "lookout.gateway.body-read-timeout", "1s",
                    "lookout.gateway.max-concurrent-requests-per-client", "2");
        }
    }

    @ConfigProperty(name = "lookout.gateway.upstreams.complaint-service.url")
    String complaintService;

    @Test
    void headers_trickled_byte_by_byte_are_cut_with_408_at_the_deadline() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/taxonomy/categories HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            // one byte every 200 ms: never idle, never complete
            String trickle = "X-Slow: " + "a".repeat(100);
            String answer = null;
            for (int i = 0; i < trickle.length() && answer == null; i++) {
                try {
                    out.write(trickle.charAt(i));
                    out.flush();
                } catch (SocketException closed) {
                    break;
                }
                Thread.sleep(200);
                if (socket.getInputStream().available() > 0) {
                    answer = readAll(socket.getInputStream());
                }
            }
            if (answer == null) {
                answer = readAll(socket.getInputStream());
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("\"status\":408");
            assertThat(seconds).as("cut after the 1 s deadline, long before 100 trickled bytes").isLessThan(5);
        }
    }

    @Test
    void on_a_kept_alive_connection_the_next_requests_trickled_headers_are_cut_too() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /api/taxonomy/categories HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readOneAnswer(in)).startsWith("HTTP/1.1 200");
            // idle between requests is not the header clock's business
            Thread.sleep(1_500);
            out.write("GET /api/taxonomy/categories HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readOneAnswer(in)).as("a quick second request on the same connection").startsWith("HTTP/1.1 200")
                    .doesNotContain("408");
            out.write("GET /api/taxonomy/categories HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String answer = null;
            for (int i = 0; i < 50 && answer == null; i++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (SocketException closed) {
                    break;
                }
                Thread.sleep(200);
                if (in.available() > 0) {
                    answer = readAll(in);
                }
            }
            if (answer == null) {
                answer = readAll(in);
            }
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(Duration.ofNanos(System.nanoTime() - start).toSeconds()).isLessThan(5);
        }
    }

    /** One answer with a Content-Length body, read off a kept-alive connection. */
    private static String readOneAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return text;
    }

    @Test
    void a_connection_that_sends_nothing_is_closed_at_the_header_deadline() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(Duration.ofNanos(System.nanoTime() - start).toSeconds()).isLessThan(5);
        }
    }

    @Test
    void a_body_sent_slowly_never_reaches_the_upstream_and_is_cut_with_408() throws Exception {
        long before = seenBy(complaintService);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/complaints HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.resident("slow-body", "DCY") + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            // while the body dribbles, no upstream connection is taken: the service has seen nothing
            for (int i = 0; i < 3; i++) {
                Thread.sleep(150);
                out.write(' ');
                out.flush();
                assertThat(seenBy(complaintService)).as("requests the service received").isEqualTo(before);
            }
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("\"status\":408");
            assertThat(Duration.ofNanos(System.nanoTime() - start).toSeconds()).isLessThan(5);
        }
        assertThat(seenBy(complaintService)).isEqualTo(before);
    }

    @Test
    void a_body_that_arrives_in_time_is_forwarded_whole() {
        given().auth().oauth2(Tokens.resident("prompt-body", "DCY")).contentType("application/json")
                .body("{\"text\":\"" + "x".repeat(10_000) + "\"}")
                .when().post("/api/complaints")
                .then().statusCode(200)
                .body("bodyBytes", org.hamcrest.Matchers.equalTo(10_011))
                .body("headers.content-length", org.hamcrest.Matchers.equalTo("10011"));
    }

    @Test
    void a_client_over_its_concurrent_requests_gets_429_while_another_client_is_served() throws Exception {
        String greedy = Tokens.resident("greedy-client", "DCY");
        long before = seenBy(complaintService);
        // two slow requests in flight (the fake answers paths with /slow after 2 s)
        Thread[] inFlight = new Thread[2];
        int[] statuses = new int[2];
        for (int i = 0; i < 2; i++) {
            int n = i;
            inFlight[i] = new Thread(() -> statuses[n] = given().auth().oauth2(greedy)
                    .when().get("/api/complaints/DCY-2026-00000" + n + "/slow").then().extract().statusCode());
            inFlight[i].start();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seenBy(complaintService) >= before + 2);

        given().auth().oauth2(greedy).when().get("/api/complaints/DCY-2026-000009")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", org.hamcrest.Matchers.equalTo("urn:lookout:problem:too-many-requests"))
                .body("detail", org.hamcrest.Matchers.containsString("2 requests in progress"));
        given().auth().oauth2(Tokens.resident("patient-client", "DCY")).when().get("/api/complaints/DCY-2026-000009")
                .then().statusCode(200);

        for (Thread thread : inFlight) {
            thread.join(10_000);
        }
        assertThat(statuses).containsOnly(200);
        // the slots are given back: the same client is served again
        given().auth().oauth2(greedy).when().get("/api/complaints/DCY-2026-000009").then().statusCode(200);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed by the gateway after its answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    static long seenBy(String upstreamUrl) {
        return Long.parseLong(RestAssured.given().baseUri(upstreamUrl).port(-1).when().get("/__seen").asString());
    }
}
