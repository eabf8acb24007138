package org.lookout.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.notification.GoldenComplaintEvents;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@NotificationTestResources
class NotificationResourceTest {

    private static final String DEFAULT_COMMUNITY = "DCY";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    NotificationConfig config;

    @Test
    void aResidentMarksTheirEntryRead() {
        String subject = "resident-" + UUID.randomUUID();
        String token = Tokens.resident(subject, DEFAULT_COMMUNITY);
        String trackingNumber = received(subject).getFirst();
        String id = given().auth().oauth2(token).when().get("/api/notifications").then().extract().path("[0].id");

        given().auth().oauth2(token)
                .when().post("/api/notifications/{id}/read", id)
                .then().statusCode(200)
                .body("read", equalTo(true))
                .body("readAt", notNullValue())
                .body("reference", equalTo(trackingNumber));
        given().auth().oauth2(token)
                .when().get("/api/notifications")
                .then().statusCode(200)
                .body("[0].read", equalTo(true));
    }

    @Test
    void theInboxComesInPagesNewestFirstWithTheNextCursorInTheLinkHeader() {
        String subject = "resident-" + UUID.randomUUID();
        String token = Tokens.resident(subject, DEFAULT_COMMUNITY);
        List<String> sent = received(subject, 3);

        var first = given().auth().oauth2(token).queryParam("limit", 2).when().get("/api/notifications")
                .then().statusCode(200).extract();
        List<String> firstPage = first.jsonPath().getList("reference", String.class);
        String link = first.header("Link");
        assertThat(link).matches("</api/notifications\\?cursor=[0-9]+&limit=2>; rel=\"next\"");
        String cursor = link.replaceAll(".*cursor=([0-9]+).*", "$1");
        var second = given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/notifications").then().statusCode(200).extract();

        assertThat(firstPage).containsExactly(sent.get(2), sent.get(1));
        assertThat(second.jsonPath().getList("reference", String.class)).containsExactly(sent.get(0));
        assertThat(second.header("Link")).isNull();
        List<Long> seqs = first.jsonPath().getList("seq", Long.class);
        assertThat(seqs.get(0)).isGreaterThan(seqs.get(1));
    }

    @Test
    void unreadCountUnreadOnlyAndReadAll() {
        String subject = "resident-" + UUID.randomUUID();
        String token = Tokens.resident(subject, DEFAULT_COMMUNITY);
        List<String> sent = received(subject, 2);
        String newest = given().auth().oauth2(token).when().get("/api/notifications").then().extract().path("[0].id");

        given().auth().oauth2(token).when().get("/api/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(2));
        given().auth().oauth2(token).when().post("/api/notifications/{id}/read", newest).then().statusCode(200);
        given().auth().oauth2(token).queryParam("unread", true).when().get("/api/notifications")
                .then().statusCode(200).body("reference", equalTo(List.of(sent.get(0))));
        given().auth().oauth2(token).when().post("/api/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(1));
        given().auth().oauth2(token).when().get("/api/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(0));
    }

    @Test
    void aGroupEntryIsReadByEachMemberForThemselves() {
        String community = "G" + UUID.randomUUID().toString().substring(0, 5).toUpperCase().replaceAll("[^A-Z]", "X");
        CloudEvent event = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), "resident-" + UUID.randomUUID());
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.data()).put("communityCode", community);
        GoldenComplaintEvents.send(event);
        String one = Tokens.builder().subject("staff-" + UUID.randomUUID()).roles("staff").community(community).sign();
        String two = Tokens.builder().subject("staff-" + UUID.randomUUID()).roles("staff").community(community).sign();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(one)
                .when().get("/api/notifications").then().statusCode(200)
                .body("kind", hasItem("NEW_REPORT")));
        String id = given().auth().oauth2(one).when().get("/api/notifications").then().extract().path("[0].id");

        given().auth().oauth2(one).when().post("/api/notifications/{id}/read", id).then().statusCode(200);

        given().auth().oauth2(one).when().get("/api/notifications").then().body("[0].read", equalTo(true));
        given().auth().oauth2(two).when().get("/api/notifications").then().body("[0].id", equalTo(id))
                .body("[0].read", equalTo(false));
        given().auth().oauth2(Tokens.staff("OTHER")).when().post("/api/notifications/{id}/read", id)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void everyRoleHasAnInbox() {
        for (String token : new String[] { Tokens.resident(DEFAULT_COMMUNITY), Tokens.lookout(DEFAULT_COMMUNITY),
                Tokens.staff(DEFAULT_COMMUNITY), Tokens.supervisor("DCYJD"), Tokens.inspector(), Tokens.agency("police-dcy"),
                Tokens.admin(), Tokens.builder().subject("app-backend-1").roles("app-backend").sign() }) {
            given().auth().oauth2(token).when().get("/api/notifications").then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/notifications/unread-count").then().statusCode(200);
        }
    }

    @Test
    void anUnknownEntryIsNotFound() {
        given().auth().oauth2(Tokens.resident(DEFAULT_COMMUNITY))
                .when().post("/api/notifications/{id}/read", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void withoutATokenTheInboxIsUnauthorized() {
        given().when().get("/api/notifications")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        given().when().post("/api/notifications/{id}/read", UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.expired()).when().get("/api/notifications")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.wrongAudience()).when().get("/api/notifications")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void badPagingIsA400NamingTheParameter() {
        given().auth().oauth2(Tokens.resident(DEFAULT_COMMUNITY)).queryParam("limit", 0)
                .when().get("/api/notifications").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.resident(DEFAULT_COMMUNITY)).queryParam("limit", 201)
                .when().get("/api/notifications").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.resident(DEFAULT_COMMUNITY)).queryParam("cursor", "abc")
                .when().get("/api/notifications").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aMalformedIdIsNotFound() {
        given().auth().oauth2(Tokens.resident(DEFAULT_COMMUNITY))
                .when().post("/api/notifications/{id}/read", "not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private List<String> received(String subject) {
        return received(subject, 1);
    }

    /** Reports filed by {@code subject}'s account, acknowledged in its inbox; their tracking numbers, oldest first. */
    private List<String> received(String subject, int reports) {
        List<String> trackingNumbers = new ArrayList<>();
        CloudEvent first = null;
        for (int i = 0; i < reports; i++) {
            CloudEvent event = first == null ? GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject)
                    : GoldenComplaintEvents.sameReport(first, config.pseudonymKey(), subject);
            first = first == null ? event : first;
            GoldenComplaintEvents.send(event);
            trackingNumbers.add(GoldenComplaintEvents.trackingNumber(event));
        }
        String token = Tokens.resident(subject, DEFAULT_COMMUNITY);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath inbox = given().auth().oauth2(token).when().get("/api/notifications").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(inbox.getList("reference", String.class)).containsAll(trackingNumbers);
        });
        return trackingNumbers;
    }
}
