package org.lookout.notification.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.notification.GoldenComplaintEvents;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live stream, read by a real SSE client: new entries arrive as events whose id is their seq; a client that
 * reconnects with Last-Event-ID gets exactly what it missed, nothing twice; comment lines keep a quiet stream open.
 */
@QuarkusTest
@NotificationTestResources
class StreamResourceTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/notifications/stream")
    URL stream;

    @Inject
    NotificationConfig config;

    @Test
    void aClientThatReconnectsWithLastEventIdGetsExactlyWhatItMissed() throws Exception {
        String subject = "resident-" + UUID.randomUUID();
        String token = Tokens.resident(subject, "DCY");
        CloudEvent first = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        String lastId;
        try (SseClient client = SseClient.open(URI.create(stream.toString()), token, null, null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            await().atMost(DEFAULT_WAIT).until(() -> !client.comments().isEmpty());

            GoldenComplaintEvents.send(first);

            SseClient.Event event = await().atMost(DEFAULT_WAIT).until(() -> client.events(), events -> !events.isEmpty())
                    .getFirst();
            assertThat(event.name()).isEqualTo("notification");
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.path("reference").asText()).isEqualTo(GoldenComplaintEvents.trackingNumber(first));
            assertThat(data.path("seq").asText()).isEqualTo(event.id());
            assertThat(data.path("language").asText()).isEqualTo("zh-CN");
            lastId = event.id();
        }

        CloudEvent second = GoldenComplaintEvents.sameReport(first, config.pseudonymKey(), subject);
        CloudEvent third = GoldenComplaintEvents.sameReport(first, config.pseudonymKey(), subject);
        GoldenComplaintEvents.send(second);
        GoldenComplaintEvents.send(third);
        awaitInbox(token, 3);

        try (SseClient client = SseClient.open(URI.create(stream.toString()), token, lastId, "en")) {
            List<SseClient.Event> missed = await().atMost(DEFAULT_WAIT).until(() -> client.events(),
                    events -> events.size() >= 2);
            assertThat(missed).extracting(e -> JSON.readTree(e.data()).path("reference").asText())
                    .containsExactly(GoldenComplaintEvents.trackingNumber(second), GoldenComplaintEvents.trackingNumber(third));
            assertThat(Long.parseLong(missed.get(0).id())).isGreaterThan(Long.parseLong(lastId));
            assertThat(Long.parseLong(missed.get(1).id())).isGreaterThan(Long.parseLong(missed.get(0).id()));
            assertThat(JSON.readTree(missed.get(0).data()).path("language").asText()).isEqualTo("en");

            CloudEvent live = GoldenComplaintEvents.sameReport(first, config.pseudonymKey(), subject);
            GoldenComplaintEvents.send(live);
            List<SseClient.Event> all = await().atMost(DEFAULT_WAIT).until(() -> client.events(),
                    events -> events.size() >= 3);
            assertThat(JSON.readTree(all.get(2).data()).path("reference").asText())
                    .isEqualTo(GoldenComplaintEvents.trackingNumber(live));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> client.events().size() == 3);
        }
    }

    @Test
    void aQuietStreamGetsHeartbeatCommentsAndOnlyItsOwnEntries() throws Exception {
        String mine = "resident-" + UUID.randomUUID();
        try (SseClient client = SseClient.open(URI.create(stream.toString()), Tokens.resident(mine, "DCY"), null, null)) {
            await().atMost(DEFAULT_WAIT).until(() -> client.comments().stream().filter("keep-alive"::equals).count() >= 2);
            // the live inbox is as sensitive as the inbox: never stored by a cache, never sniffed
            assertThat(client.header("Cache-Control")).isEqualTo("no-store");
            assertThat(client.header("X-Content-Type-Options")).isEqualTo("nosniff");

            CloudEvent someoneElses = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), "resident-" + UUID.randomUUID());
            GoldenComplaintEvents.send(someoneElses);
            CloudEvent own = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), mine);
            GoldenComplaintEvents.send(own);

            List<SseClient.Event> events = await().atMost(DEFAULT_WAIT).until(() -> client.events(), e -> !e.isEmpty());
            assertThat(events).singleElement().satisfies(event -> assertThat(JSON.readTree(event.data())
                    .path("reference").asText()).isEqualTo(GoldenComplaintEvents.trackingNumber(own)));
        }
    }

    @Test
    void aLastEventIdThatIsNotOneIsA400() {
        given().auth().oauth2(Tokens.resident("DCY")).header("Last-Event-ID", "yesterday")
                .when().get("/api/notifications/stream")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Last-Event-ID"));
        given().when().get("/api/notifications/stream").then().statusCode(401).contentType("application/problem+json");
    }

    private static void awaitInbox(String token, int entries) {
        await().atMost(DEFAULT_WAIT).untilAsserted(() -> given().auth().oauth2(token).when().get("/api/notifications")
                .then().statusCode(200).body("size()", equalTo(entries)));
    }
}
