package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
                .get("/api/cadres/supervision")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void keycloakTokensCarryRolesScopeClaimsAndTheAudience() {
        JsonNode resident = claims(Stack.token("resident1"));
        JsonNode agency = claims(Stack.agencyToken("agency-police-dcy"));

        assertThat(resident.path("realm_access").path("roles").toString()).contains("resident");
        assertThat(resident.path("community").asText()).isEqualTo("DCY");
        assertThat(resident.path("aud").toString()).contains("lookout-api");
        // street is multi-valued (a district inspector has several): always a JSON array
        assertThat(claims(Stack.token("supervisor1")).path("street").toString()).isEqualTo("[\"DCYJD\"]");
        assertThat(claims(Stack.token("inspector1")).path("street").toString()).isEqualTo("[\"DCYJD\"]");
        assertThat(claims(Stack.token("inspector2")).path("street").toString()).isEqualTo("[\"XHMJD\"]");
        assertThat(claims(Stack.token("lookout2")).path("informationOfficer").asBoolean()).isTrue();
        assertThat(claims(Stack.token("head1")).path("communityHead").asBoolean()).isTrue();
        assertThat(claims(Stack.token("head1")).path("community").asText()).isEqualTo("DCY");
        assertThat(claims(Stack.token("staff1")).has("communityHead")).isFalse();
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
            List<String> seen = given().auth().oauth2(inspector).header("X-Access-Reason", "system test")
                    .get("/api/cadres/supervision").then().statusCode(200).extract().path("trackingNumber");
            assertThat(seen).contains(trackingNumber);
        });
    }

    @Test
    void explosivesInAFlatAreEscalatedJointlyOnAcceptanceAndTheLeadAgencysOutcomeResolvesTheReport() {
        String id = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                .body(report("hazardous-materials"))
                .post("/api/complaints")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Stack.token("staff1")).contentType(ContentType.JSON).body("{}")
                .post("/api/complaints/" + id + "/accept")
                .then().statusCode(200);

        // the published contract: agencies read lookout.escalation.v1 — public security leads, market regulation joins
        ConsumerRecord<String, String> record = Stack.awaitRecord(Topics.ESCALATION, r -> id.equals(r.key())
                && CloudEventKafka.fromRecord(r).type().equals(EventType.ESCALATION_OPENED.type()));
        JsonNode opened = CloudEventKafka.fromRecord(record).data();
        assertThat(opened.path("trigger").asText()).isEqualTo("IMMEDIATE");
        assertThat(opened.path("leadAgencyCode").asText()).isEqualTo("psb-district");
        assertThat(opened.path("agencies").findValuesAsText("agencyCode")).containsExactlyInAnyOrder("psb-district",
                "market-dcy");
        assertThat(record.value() + record.headers()).doesNotContain("resident1", TITLE, DESCRIPTION, ADDRESS);
        String escalationId = opened.path("escalationId").asText();

        String staff = Stack.token("staff1");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(staff)
                .get("/api/complaints/" + id).then().statusCode(200).body("status", equalTo("ESCALATED")));

        // the lead agency works through the REST API with its client-credentials token from Keycloak
        String psb = Stack.agencyToken("agency-psb-district");
        given().auth().oauth2(psb).get("/api/escalations")
                .then().statusCode(200).body("id", hasItem(escalationId));
        given().auth().oauth2(Stack.agencyToken("agency-police-dcy")).get("/api/escalations/" + escalationId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(psb).post("/api/escalations/" + escalationId + "/acknowledge")
                .then().statusCode(200);
        given().auth().oauth2(psb).contentType(ContentType.JSON)
                .body("{\"outcome\":\"CASE_OPENED\",\"actionsTaken\":\"Storage sealed, case opened jointly.\"}")
                .post("/api/escalations/" + escalationId + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));

        // complaint-service follows the escalation's outcome: the report is resolved and the reporter asked to rate it
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(staff)
                .get("/api/complaints/" + id).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("escalationOutcome", equalTo("CASE_OPENED")));
    }

    @Test
    void aForwardedTipOffOpensAConfidentialEscalationToTheDisciplineCommission() {
        String trackingNumber = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                .body(report("cadre-conduct"))
                .post("/api/complaints")
                .then().statusCode(201).extract().path("trackingNumber");
        String inspector = Stack.token("inspector1");
        Map<String, Object> tipOff = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth()
                .oauth2(inspector).header("X-Access-Reason", "system test").get("/api/cadres/supervision")
                .then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>get("find { it.trackingNumber == '" + trackingNumber + "' }"), found -> found != null);
        String reportId = (String) tipOff.get("reportId");

        given().auth().oauth2(inspector).contentType(ContentType.JSON).body("{\"accusedHeadsReceivingBody\": false}")
                .post("/api/cadres/supervision/" + tipOff.get("id") + "/forward")
                .then().statusCode(200).body("status", equalTo("FORWARDED"));

        String discipline = Stack.agencyToken("agency-discipline-district");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(discipline)
                .get("/api/escalations")
                .then().statusCode(200)
                .body("find { it.reportId == '" + reportId + "' }.trigger", equalTo("TIP_OFF"))
                .body("find { it.reportId == '" + reportId + "' }.confidential", equalTo(true))
                .body("find { it.reportId == '" + reportId + "' }.workingDays", equalTo(5)));
        // community staff never see it
        given().auth().oauth2(Stack.token("staff1")).get("/api/escalations")
                .then().statusCode(200).body("reportId", not(hasItem(reportId)));
    }

    /** Route prefixes for which the issues that build them (cadre registry, notifications, Open311) are still open. */
    private static final List<String> PLANNED_PREFIXES = List.of("notifications /api/subscriptions",
            "open311 /open311");

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
