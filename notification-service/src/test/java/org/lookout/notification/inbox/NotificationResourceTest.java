package org.lookout.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.notification.GoldenComplaintEvents;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

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
        CloudEvent event = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        GoldenComplaintEvents.send(event);
        String trackingNumber = GoldenComplaintEvents.trackingNumber(event);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/notifications")
                .then().statusCode(200).body("reference", hasItem(trackingNumber)));
        String id = given().auth().oauth2(token).when().get("/api/notifications").then().extract().path("[0].id");

        given().auth().oauth2(token)
                .when().post("/api/notifications/{id}/read", id)
                .then().statusCode(200)
                .body("read", equalTo(true))
                .body("readAt", notNullValue());
        given().auth().oauth2(token)
                .when().get("/api/notifications")
                .then().statusCode(200)
                .body("[0].read", equalTo(true));
    }

    @Test
    void aLookoutHasAnInboxToo() {
        given().auth().oauth2(Tokens.lookout(DEFAULT_COMMUNITY))
                .when().get("/api/notifications")
                .then().statusCode(200);
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
    void rolesWithoutAnInboxAreForbidden() {
        for (String token : new String[] { Tokens.staff(DEFAULT_COMMUNITY), Tokens.supervisor("DCYJD"), Tokens.inspector(),
                Tokens.agency("PSB-DCY"), Tokens.admin() }) {
            given().auth().oauth2(token).when().get("/api/notifications")
                    .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
            given().auth().oauth2(token).when().post("/api/notifications/{id}/read", UUID.randomUUID())
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void aMalformedIdIsNotFound() {
        given().auth().oauth2(Tokens.resident(DEFAULT_COMMUNITY))
                .when().post("/api/notifications/{id}/read", "not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
