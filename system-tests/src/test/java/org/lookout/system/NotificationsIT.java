package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Issue 12 on the real stack: a resident files, staff accept, respond and resolve; the resident gets the request to rate
 * on the live stream (through the gateway) and by email (GreenMail); "not satisfied" reopens it and the community's
 * staff are told. An explosives report reaches the public security bureau's webhook, signed (Standard Webhooks).
 */
class NotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREENMAIL = "http://127.0.0.1:" + env("LOOKOUT_GREENMAIL_API_PORT", "18025");

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @Test
    void theReporterIsAskedToRateOnTheStreamAndByEmailAndNotSatisfiedReachesStaff() throws Exception {
        String resident = Stack.token("resident1");
        List<JsonNode> streamed = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> readStream(resident, streamed));
        try {
            String id = given().auth().oauth2(resident).contentType(ContentType.JSON).body(report("corridor-lighting"))
                    .post("/api/complaints").then().statusCode(201).extract().path("id");
            String staff = Stack.token("staff1");
            given().auth().oauth2(staff).contentType(ContentType.JSON).body("{}")
                    .post("/api/complaints/" + id + "/accept").then().statusCode(200);
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("kind", "ON_SITE_VISIT", "respondedAt", Instant.now().toString()))
                    .post("/api/complaints/" + id + "/respond").then().statusCode(200);
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("result", "Lamp replaced"))
                    .post("/api/complaints/" + id + "/resolve").then().statusCode(200);

            JsonNode rateRequest = Awaitility.await().atMost(WAIT).until(() -> streamed.stream()
                    .filter(e -> id.equals(e.path("reportId").asText()) && "REPORT_RESOLVED".equals(e.path("kind").asText()))
                    .findFirst().orElse(null), found -> found != null);
            assertThat(rateRequest.path("body").asText()).contains("/reports/" + id + "/rate");

            String mail = Awaitility.await().atMost(WAIT).until(() -> mailAbout(id), found -> found != null);
            assertThat(mail).contains("/reports/" + id + "/rate");

            given().auth().oauth2(resident).contentType(ContentType.JSON).body(Map.of("satisfied", false))
                    .post("/api/complaints/" + id + "/feedback").then().statusCode(200);
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(given().auth().oauth2(staff)
                    .get("/api/notifications").then().statusCode(200).extract().jsonPath()
                    .<String>getList("findAll { it.reportId == '" + id + "' }.kind"))
                    .contains("NEW_REPORT", "REPORT_REOPENED_FOR_STAFF"));
        } finally {
            reader.interrupt();
        }
    }

    @Test
    void anExplosivesReportReachesThePublicSecurityBureausWebhookSigned() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String psb = Stack.agencyToken("agency-psb-district");
        String subscription = null;
        try {
            var created = given().auth().oauth2(psb).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"))
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            subscription = created.getString("id");
            String secret = created.getString("secret");

            String id = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                    .body(report("hazardous-materials")).post("/api/complaints").then().statusCode(201)
                    .extract().path("id");
            given().auth().oauth2(Stack.token("staff1")).contentType(ContentType.JSON).body("{}")
                    .post("/api/complaints/" + id + "/accept").then().statusCode(200);

            Map<String, String> hook = Awaitility.await().atMost(WAIT).until(() -> received.stream()
                    .filter(r -> r.get("body").contains(id)).findFirst().orElse(null), found -> found != null);
            JsonNode payload = JSON.readTree(hook.get("body"));
            assertThat(payload.path("type").asText()).isEqualTo("notification.escalation_opened");
            assertThat(payload.path("data").path("recipient").path("agency").asText()).isEqualTo("psb-district");
            assertThat(hook.get("body")).doesNotContain("resident1", "Hazard in flat 3-2");
            String expected = "v1," + sign(secret, hook.get("id") + "." + hook.get("timestamp") + "." + hook.get("body"));
            assertThat(List.of(hook.get("signature").split(" "))).contains(expected);
        } finally {
            receiver.stop(0);
            if (subscription != null) {
                given().auth().oauth2(psb).post("/api/subscriptions/" + subscription + "/pause");
            }
        }
    }

    private static String report(String item) {
        return """
                {"itemCode":"%s","title":"Hazard in flat 3-2","description":"Seen this morning.",
                 "communityCode":"DCY","location":{"address":"3号楼","building":"3-2"},"channel":"APP",
                 "anonymous":false}
                """.formatted(item);
    }

    private static void readStream(String token, List<JsonNode> into) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        into.add(JSON.readTree(data.toString()));
                        data.setLength(0);
                    }
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException closed) {
            // the test ended or the stream broke; the assertions say which
        }
    }

    /** resident1's message naming {@code reportId}, its parts decoded (base64 or quoted-printable), or null. */
    private static String mailAbout(String reportId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(GREENMAIL + "/api/user/resident1@lookout.example/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        for (JsonNode message : JSON.readTree(response.body())) {
            String decoded = decoded(message.path("mimeMessage").asText());
            if (decoded.contains(reportId)) {
                return decoded;
            }
        }
        return null;
    }

    private static String decoded(String mime) {
        StringBuilder text = new StringBuilder(mime.replace("=\r\n", "").replace("=\n", ""));
        String[] lines = mime.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].equalsIgnoreCase("Content-Transfer-Encoding: base64")) {
                continue;
            }
            int start = i;
            while (start < lines.length && !lines[start].isEmpty()) {
                start++;
            }
            StringBuilder body = new StringBuilder();
            for (int j = start + 1; j < lines.length && !lines[j].startsWith("--"); j++) {
                body.append(lines[j].strip());
            }
            text.append('\n').append(new String(Base64.getMimeDecoder().decode(body.toString()), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static String sign(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
