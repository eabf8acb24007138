package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * One report through all five services, everything real: a Keycloak token, the gateway, complaint-service, the outbox
 * relay, Kafka, escalation-service's response clock, notification-service's inbox and cadre-registry-service.
 */
class WalkingSkeletonIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String TITLE = "楼道灯坏了 — system test";
    private static final String DESCRIPTION = "The corridor light on the 4th floor of building 3 is out.";
    private static final String ADDRESS = "东朝阳路南社区 3号楼 2单元";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String report(String item) {
        return """
                {"itemCode":"%s","title":"%s","description":"%s","communityCode":"DCY",
                 "location":{"address":"%s","building":"3-2"},"channel":"APP","anonymous":false}
                """.formatted(item, TITLE, DESCRIPTION, ADDRESS);
    }

    @Test
    void withoutATokenTheGatewayAnswers401ProblemJson() {
        given().contentType(ContentType.JSON).body(report("corridor-lighting"))
                .post("/api/complaints")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
    }

    @Test
    void aValidTokenWithTheWrongRoleIs403() {
        given().auth().oauth2(Stack.token("inspector1")).contentType(ContentType.JSON).body(report("corridor-lighting"))
                .post("/api/complaints")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Stack.token("resident1"))
                .get("/api/cadres/tip-offs")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void keycloakTokensCarryRolesScopeClaimsAndTheAudience() {
        JsonNode resident = claims(Stack.token("resident1"));
        JsonNode agency = claims(Stack.agencyToken("agency-police-dcy"));

        assertThat(resident.path("realm_access").path("roles").toString()).contains("resident");
        assertThat(resident.path("community").asText()).isEqualTo("DCY");
        assertThat(resident.path("aud").toString()).contains("lookout-api");
        assertThat(claims(Stack.token("supervisor1")).path("street").asText()).isEqualTo("DCYJD");
        assertThat(agency.path("agency").asText()).isEqualTo("police-dcy");
        assertThat(agency.path("realm_access").path("roles").toString()).contains("agency");
    }

    @Test
    void theTaxonomyIsPublicThroughTheGateway() {
        given().get("/api/taxonomy").then().statusCode(200).body("$", hasSize(4));
    }

    @Test
    void oneReportFlowsThroughAllFiveServices() {
        String resident = Stack.token("resident1");
        var created = given().auth().oauth2(resident).contentType(ContentType.JSON).body(report("corridor-lighting"))
                .post("/api/complaints")
                .then().statusCode(201)
                .body("trackingNumber", matchesPattern("DCY-\\d{4}-\\d{6}"))
                .extract();
        String id = created.path("id");
        String trackingNumber = created.path("trackingNumber");
        Instant receivedAt = Instant.parse(created.path("receivedAt"));

        // the event on the real topic, seen by a plain consumer: keyed by report id, CloudEvents headers, nothing personal
        ConsumerRecord<String, String> record = Stack.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key()));
        CloudEvent event = CloudEventKafka.fromRecord(record);
        assertThat(event.type()).isEqualTo(EventType.COMPLAINT_SUBMITTED.type());
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.data().path("trackingNumber").asText()).isEqualTo(trackingNumber);
        assertThat(record.value() + record.headers()).doesNotContain("resident1", "Resident", TITLE, DESCRIPTION, ADDRESS,
                claims(resident).path("sub").asText());

        // escalation-service: a response clock due at the end of the first working day after receipt
        String staff = Stack.token("staff1");
        String expectedDue = given().queryParam("from", receivedAt.toString()).queryParam("workingDays", 1)
                .get("/api/calendar/deadline").then().statusCode(200).extract().path("dueAt");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(staff)
                .get("/api/escalations/reports/" + id + "/clocks")
                .then().statusCode(200)
                .body("kind", hasItem("RESPONSE"))
                .body("find { it.kind == 'RESPONSE' }.dueAt", equalTo(expectedDue)));
        ZonedDateTime due = Instant.parse(expectedDue).atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(due.toLocalTime().toSecondOfDay()).as("due at 24:00 Asia/Shanghai").isZero();
        assertThat(due.toLocalDate()).isAfter(receivedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate());

        // notification-service: an acknowledgement with the tracking number in the resident's inbox
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(resident)
                .get("/api/notifications")
                .then().statusCode(200)
                .body("reference", hasItem(trackingNumber)));
    }

    @Test
    void aTipOffAboutAnOfficialReachesTheCadreRegistryAndOnlyInspectorsSeeIt() {
        String trackingNumber = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                .body(report("cadre-conduct"))
                .post("/api/complaints")
                .then().statusCode(201).body("confidential", equalTo(true))
                .extract().path("trackingNumber");

        String inspector = Stack.token("inspector1");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> seen = given().auth().oauth2(inspector).get("/api/cadres/tip-offs")
                    .then().statusCode(200).extract().path("trackingNumber");
            assertThat(seen).contains(trackingNumber);
        });
    }

    /** Route prefixes for which the issues that build them (complaint, escalation, notification, cadre) are still open. */
    private static final List<String> PLANNED_PREFIXES = List.of("cadres /api/notices",
            "complaint-attachments /api/complaints/*/attachments", "complaints /api/ledger", "complaints /api/statistics",
            "escalations /api/agencies", "notifications /api/subscriptions", "open311 /open311");

    @Test
    void theGatewayRoutesEveryPathTheServicesServe() {
        var coverage = given().get("/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(coverage.getList("x-lookout-gateway.unroutedPaths")).as("paths no route reaches").isEmpty();
        assertThat(coverage.getList("x-lookout-gateway.unavailableUpstreams")).isEmpty();
        assertThat(coverage.getList("x-lookout-gateway.unservedPrefixes", String.class))
                .as("routed prefixes that no service serves yet").isSubsetOf(PLANNED_PREFIXES);
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return EventJson.read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

}
