package org.lookout.notification.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.notification.Inboxes;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.TestDns;
import org.lookout.notification.webhook.WebhookReceiver;
import org.lookout.notification.webhook.WebhookSignature;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An agency's webhook against a real HTTP receiver: signed by Standard Webhooks (verified here as an integrator
 * would), retried after 500s and timeouts, not after a 2xx, every attempt in the deliveries log, a dead one replayed,
 * 410 Gone stops it, and a URL that reaches inside the network is refused — at subscription and at delivery time.
 */
@QuarkusTest
@NotificationTestResources
class WebhookDeliveryTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestDns dns;

    @Inject
    SubscriptionHealth health;

    @Test
    void aSignedWebhookIsRetriedAfter500sAndTimeoutsAndNotAfterA2xx() throws Exception {
        String agency = newAgency();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.thenAnswer(500).thenAnswer(200, Duration.ofSeconds(3)).thenAnswer(503).thenAnswer(204);
            JsonPath subscription = subscribe(agency, receiver.url("/lookout/hooks"));
            String secret = subscription.getString("secret");
            CloudEvent opened = openedFor(agency);

            GoldenEvents.send(opened);

            await().atMost(DEFAULT_WAIT).until(() -> receiver.received().size() >= 4);
            // delivered: nothing more comes, however long one waits past the retry schedule of the tests (max 2 s)
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 4);
            List<WebhookReceiver.Received> requests = receiver.received();
            String id = requests.getFirst().header("webhook-id");
            assertThat(id).startsWith("msg_");
            for (WebhookReceiver.Received request : requests) {
                assertThat(request.header("webhook-id")).isEqualTo(id);
                assertThat(request.body()).isEqualTo(requests.getFirst().body());
                assertThat(request.header("content-type")).startsWith("application/json");
                assertThat(WebhookSignature.verify(secret, id, request.header("webhook-timestamp"), request.body(),
                        request.header("webhook-signature"), Instant.now().getEpochSecond(), 300))
                        .as("signature of attempt at " + request.at()).isTrue();
            }
            JsonNode body = JSON.readTree(requests.getFirst().body());
            assertThat(body.path("type").asText()).isEqualTo("notification.escalation_opened");
            assertThat(body.path("data").path("recipient").path("agency").asText()).isEqualTo(agency);
            assertThat(body.path("data").path("reportId").asText()).isEqualTo(opened.subject());
            assertThat(body.path("data").path("title").asText()).isEqualTo("新的转办");

            JsonPath deliveries = awaitDelivery(agency, subscription.getString("id"), "SENT");
            assertThat(deliveries.getList("[0].log.outcome", String.class))
                    .containsExactly("FAILED", "FAILED", "FAILED", "DELIVERED");
            assertThat(deliveries.getList("[0].log.status", Integer.class)).containsExactly(500, null, 503, 204);
            assertThat(deliveries.getString("[0].log[1].detail")).contains("Timeout");
            assertThat(deliveries.getList("[0].log.latencyMs", Integer.class)).allSatisfy(ms -> assertThat(ms).isNotNull());
            assertThat(deliveries.getString("[0].webhookId")).isEqualTo(id);
        }
    }

    @Test
    void aDeadDeliveryIsReplayed() {
        String agency = newAgency();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(500);
            String subscription = subscribe(agency, receiver.url("/hooks")).getString("id");
            GoldenEvents.send(openedFor(agency));

            JsonPath dead = awaitDelivery(agency, subscription, "DEAD");
            assertThat(dead.getList("[0].log.outcome", String.class)).containsExactly("FAILED", "FAILED", "FAILED", "DEAD");
            String delivery = dead.getString("[0].id");
            receiver.otherwise(200);

            given().auth().oauth2(Tokens.agency(agency))
                    .when().post("/api/subscriptions/{id}/deliveries/{delivery}/replay", subscription, delivery)
                    .then().statusCode(202);

            JsonPath sent = awaitDelivery(agency, subscription, "SENT");
            assertThat(sent.getList("[0].log.outcome", String.class)).endsWith("DELIVERED").hasSize(5);
            given().auth().oauth2(Tokens.agency(agency))
                    .when().post("/api/subscriptions/{id}/deliveries/{delivery}/replay", subscription, delivery)
                    .then().statusCode(409).contentType("application/problem+json").body("from", equalTo("SENT"));
        }
    }

    @Test
    void goneStopsTheSubscriptionAndItsOwnerIsTold() throws Throwable {
        String agency = newAgency();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(410);
            String subscription = subscribe(agency, receiver.url("/hooks")).getString("id");

            GoldenEvents.send(openedFor(agency));

            JsonPath dead = awaitDelivery(agency, subscription, "DEAD");
            assertThat(dead.getList("[0].log.status", Integer.class)).containsExactly(410);
            given().auth().oauth2(Tokens.agency(agency)).when().get("/api/subscriptions/{id}", subscription)
                    .then().statusCode(200).body("state", equalTo("DISABLED"))
                    .body("disabledReason", startsWith("410 Gone"));
            VertxContextSupport.subscribeAndAwait(() -> health.check());
            Map<String, Object> told = Inboxes.awaitEntry(Tokens.agency(agency),
                    entry -> "SUBSCRIPTION_DISABLED".equals(entry.get("kind")));
            assertThat((String) told.get("body")).contains(receiver.url("/hooks"));
            GoldenEvents.send(openedFor(agency));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aRotationSignsWithTheNewAndTheOldSecret() {
        String agency = newAgency();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath subscription = subscribe(agency, receiver.url("/hooks"));
            String old = subscription.getString("secret");
            String fresh = given().auth().oauth2(Tokens.agency(agency))
                    .when().post("/api/subscriptions/{id}/secret", subscription.getString("id"))
                    .then().statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");
            assertThat(fresh).isNotEqualTo(old);

            GoldenEvents.send(openedFor(agency));

            await().atMost(DEFAULT_WAIT).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received request = receiver.received().getFirst();
            assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
            for (String secret : List.of(old, fresh)) {
                assertThat(WebhookSignature.verify(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
                        request.body(), request.header("webhook-signature"), Instant.now().getEpochSecond(), 300)).isTrue();
            }
        }
    }

    @Test
    void aPausedSubscriptionCollectsItsDeliveriesUntilResumed() {
        String agency = newAgency();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = subscribe(agency, receiver.url("/hooks")).getString("id");
            given().auth().oauth2(Tokens.agency(agency)).when().post("/api/subscriptions/{id}/pause", subscription)
                    .then().statusCode(200).body("state", equalTo("PAUSED"));
            given().auth().oauth2(Tokens.agency(agency)).when().post("/api/subscriptions/{id}/pause", subscription)
                    .then().statusCode(409).body("from", equalTo("PAUSED"));

            GoldenEvents.send(openedFor(agency));

            await().atMost(DEFAULT_WAIT).until(() -> deliveries(agency, subscription).getList("[0].log.outcome",
                    String.class).contains("HELD"));
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void aUrlThatReachesInsideTheNetworkIsRefused() {
        String agency = newAgency();
        for (String url : List.of("https://10.0.0.8/hook", "http://127.0.0.2:8080/hook", "https://169.254.169.254/latest",
                "https://[::1]/hook", "https://2130706433/", "https://127.0.0.1.nip.io/hook", "ftp://hooks.example.org/",
                "https://hooks.example.org:99999/")) {
            given().auth().oauth2(Tokens.agency(agency)).contentType(ContentType.JSON)
                    .body(Map.of("url", url)).when().post("/api/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void aNameThatResolvesInsideTheNetworkAtDeliveryTimeIsRefusedThen() {
        String agency = newAgency();
        String host = agency + ".hooks.example.org";
        dns.answer(host, "93.184.215.14");
        String subscription = subscribe(agency, "https://" + host + "/hook").getString("id");

        dns.answer(host, "127.0.0.1");
        GoldenEvents.send(openedFor(agency));

        JsonPath log = await().atMost(DEFAULT_WAIT).until(() -> deliveries(agency, subscription),
                found -> found.getList("[0].log.outcome", String.class).contains("REFUSED"));
        assertThat(log.getString("[0].log[0].detail")).startsWith("refused: must not point at a loopback address");
        assertThat(log.getString("[0].log[0].status")).isNull();
    }

    private static JsonPath subscribe(String agency, String url) {
        return given().auth().oauth2(Tokens.agency(agency)).contentType(ContentType.JSON)
                .body(Map.of("url", url))
                .when().post("/api/subscriptions")
                .then().statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("owner", equalTo(agency))
                .extract().jsonPath();
    }

    private static JsonPath deliveries(String agency, String subscription) {
        return given().auth().oauth2(Tokens.agency(agency)).when().get("/api/subscriptions/{id}/deliveries", subscription)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitDelivery(String agency, String subscription, String state) {
        return await().atMost(DEFAULT_WAIT).until(() -> deliveries(agency, subscription),
                found -> state.equals(found.getString("[0].state")));
    }

    static String newAgency() {
        return "agency-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An escalation of a new report opened to {@code agency} alone, due in two days. */
    static CloudEvent openedFor(String agency) {
        return GoldenEvents.about(EventType.ESCALATION_OPENED, UUID.randomUUID().toString(), data -> {
            ArrayNode agencies = data.putArray("agencies");
            agencies.addObject().put("agencyCode", agency).put("agencyKind", "POLICE_STATION").put("lead", true);
            data.put("leadAgencyCode", agency);
            data.put("escalationId", UUID.randomUUID().toString());
            data.put("dueAt", Instant.now().plus(Duration.ofDays(2)).toString());
        });
    }
}
