package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Issue 13, through the gateway with real Keycloak tokens: a breach reaches someone who can act. A resident's report
 * misses its response deadline; the breach goes to the street, whose supervisor (supervisor1) acknowledges it and
 * returns it to the community with instructions and a new deadline (督办); complaint-service shows the report back with
 * the community (ASSIGNED) and the new deadline, and the street's board shows it waiting no more.
 */
class StreetSupervisionIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String INSTRUCTIONS = "Replace the corridor lamp on floor 4 and call the resident back.";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @Test
    void aBreachIsWorkedByTheStreetSupervisorAndReturnedToTheCommunityWithANewDeadline() {
        String id = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                .body("""
                        {"itemCode":"corridor-lighting","title":"Corridor lamp out","description":"Floor 4, a week.",
                         "communityCode":"DCY","location":{"address":"3号楼","building":"3-2"},"channel":"APP",
                         "anonymous":false}
                        """)
                .post("/api/complaints").then().statusCode(201).extract().path("id");
        String staff = Stack.token("staff1");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(staff)
                .get("/api/escalations/reports/" + id + "/clocks").then().statusCode(200)
                .body("kind", hasItem("RESPONSE")));

        // a working day passes without anyone on site: the response deadline is moved into the past, and the SLA
        // sweep (every 30 s) breaches the clock and escalates the breach to the street
        assertThat(Stack.inEscalationDatabase("update sla_clock set warn_at = now() - interval '2 minutes',"
                + " due_at = now() - interval '1 minute' where report_id = ? and kind = 'RESPONSE'",
                UUID.fromString(id))).isEqualTo(1);
        String supervisor = Stack.token("supervisor1");
        String escalation = Awaitility.await().atMost(WAIT).until(() -> given().auth().oauth2(supervisor)
                .queryParam("reportId", id).get("/api/escalations").then().statusCode(200).extract().jsonPath()
                .<String>getList("findAll { it.trigger == 'RESPONSE_BREACHED' }.id"), found -> !found.isEmpty())
                .getFirst();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(staff).get("/api/complaints/" + id)
                .then().statusCode(200).body("status", equalTo("ESCALATED")));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(supervisor)
                .get("/api/escalations/board").then().statusCode(200)
                .body("agencies.find { it.streetCode == 'DCYJD' }.escalations.escalationId", hasItem(escalation)));

        // the street's supervisor works it like an agency would, and returns it with instructions (督办)
        given().auth().oauth2(supervisor).post("/api/escalations/" + escalation + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        String newDeadline = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("reason", "INSTRUCTIONS_GIVEN", "note", INSTRUCTIONS, "dueInWorkingDays", 2))
                .post("/api/escalations/" + escalation + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("parts[0].returnReason", equalTo("INSTRUCTIONS_GIVEN"))
                .body("parts[0].returnNote", equalTo(INSTRUCTIONS))
                .extract().path("parts[0].returnDueAt");
        assertThat(newDeadline).isNotNull();

        // back with the community, with the street's deadline, and its breach still on record
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(staff).get("/api/complaints/" + id)
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("responseDueAt", equalTo(newDeadline)));
        given().auth().oauth2(staff).get("/api/escalations/reports/" + id + "/clocks").then().statusCode(200)
                .body("find { it.kind == 'RESPONSE' }.state", equalTo("RUNNING"))
                .body("find { it.kind == 'RESPONSE' }.dueAt", equalTo(newDeadline));
        List<String> waiting = given().auth().oauth2(supervisor).get("/api/escalations/board?street=DCYJD").then()
                .statusCode(200).extract().jsonPath().getList("agencies.escalations.flatten().escalationId");
        assertThat(waiting).doesNotContain(escalation);
    }
}
