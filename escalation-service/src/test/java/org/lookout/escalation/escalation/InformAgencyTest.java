package org.lookout.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lookout.escalation.EscalationFixtures.act;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * 抄送: staff copy a report to an agency for information — one INFORM part, no deadline, never overdue; the agency
 * acknowledges, comments and closes it, each an event marked {@code partKind: INFORM}; the report's clocks stay as they
 * were.
 */
@QuarkusTest
@EscalationTestResources
class InformAgencyTest {

    private static final String CIVIL_AFFAIRS = "civil-affairs";
    private static final String REASON = "the family owns two cars; the community visits on Thursday";
    private static final String COMMENT = "we will review the allowance after the visit";

    @Inject
    OverdueScheduler overdue;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aCopyForInformationHasNoDeadlineAndLeavesTheClocksAsTheyWere() throws Throwable {
        String reportId = EscalationFixtures.knownReport();
        JsonPath clocksBefore = EscalationFixtures.clocks(reportId);
        JsonPath boardBefore = board();

        var created = inform(Tokens.staff("DCY"), reportId, CIVIL_AFFAIRS).statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/escalations/" + id);
        JsonPath read = EscalationFixtures.read(id);
        assertThat(read.getString("kind")).isEqualTo("INFORM");
        assertThat(read.getString("status")).isEqualTo("OPEN");
        assertThat(read.getString("trigger")).isEqualTo("MANUAL");
        assertThat(read.getString("reason")).isEqualTo(REASON);
        assertThat(read.getString("dueAt")).isNull();
        assertThat(read.getString("leadAgencyCode")).isNull();
        assertThat(read.getString("workingDays")).isNull();
        assertThat(read.getList("parts.agencyCode")).containsExactly(CIVIL_AFFAIRS);
        assertThat(read.getList("parts.kind")).containsExactly("INFORM");
        assertThat(read.getList("parts.lead")).containsExactly(false);
        // the SLA board counts what someone must act on: a copy waits for nobody
        JsonPath boardAfter = board();
        assertThat(boardAfter.getLong("totals.escalationsWaiting"))
                .isEqualTo(boardBefore.getLong("totals.escalationsWaiting"));
        assertThat(boardAfter.getList("agencies.escalations.flatten().escalationId", String.class)).doesNotContain(id);

        ConsumerRecord<String, String> informed = EscalationFixtures.published(reportId, id, 1,
                EventType.ESCALATION_INFORMED).getFirst();
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_INFORMED, EscalationFixtures.data(informed));
        assertThat(EscalationFixtures.data(informed).path("agencyKind").asText()).isEqualTo("CIVIL_AFFAIRS");
        assertThat(informed.value()).doesNotContain(REASON);
        assertThat(EscalationFixtures.clocks(reportId).prettify()).isEqualTo(clocksBefore.prettify());

        // an escalation of the same report that must act passes its deadline; the copy has none and stays open
        String acting = EscalationFixtures.escalate(reportId, List.of("police-dcy"), "police-dcy");
        clock.set(Instant.parse(EscalationFixtures.read(acting).getString("dueAt")));
        VertxContextSupport.subscribeAndAwait(overdue::sweep);
        assertThat(EscalationFixtures.read(acting).getString("status")).isEqualTo("OVERDUE");
        assertThat(EscalationFixtures.read(id).getString("status")).isEqualTo("OPEN");
        assertThat(EscalationFixtures.read(id).getString("parts[0].overdueAt")).isNull();
        assertThat(EscalationFixtures.events(id, EventType.ESCALATION_DEADLINE_MISSED)).isZero();
    }

    @Test
    void theAgencyAcknowledgesCommentsAndClosesItsCopyEachAnEventOfAnInformPart() {
        String reportId = EscalationFixtures.knownReport();
        String id = inform(Tokens.supervisor("DCYJD"), reportId, CIVIL_AFFAIRS).statusCode(201).extract().path("id");

        act(CIVIL_AFFAIRS, id, "progress", Map.of("note", COMMENT)).statusCode(409)
                .body("allowed", equalTo(List.of("ACKNOWLEDGED", "RETURNED")));
        act(CIVIL_AFFAIRS, id, "acknowledge", null).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        act(CIVIL_AFFAIRS, id, "progress", Map.of("note", COMMENT)).statusCode(200)
                .body("notes.note", hasItem(COMMENT));
        act(CIVIL_AFFAIRS, id, "resolve", Map.of("outcome", "CASE_OPENED", "actionsTaken", COMMENT)).statusCode(200)
                .body("status", equalTo("RESOLVED")).body("parts[0].outcome", equalTo("CASE_OPENED"));

        List<ConsumerRecord<String, String>> changes = EscalationFixtures.published(reportId, id, 3,
                EventType.ESCALATION_ACKNOWLEDGED, EventType.ESCALATION_PROGRESSED, EventType.ESCALATION_RESOLVED);
        assertThat(changes).extracting(EscalationFixtures::type).containsExactly(
                EventType.ESCALATION_ACKNOWLEDGED.type(), EventType.ESCALATION_PROGRESSED.type(),
                EventType.ESCALATION_RESOLVED.type());
        for (ConsumerRecord<String, String> record : changes) {
            JsonNode data = EscalationFixtures.data(record);
            ContractAssertions.assertValidAgainstSchema(EventType.of(EscalationFixtures.type(record)).orElseThrow(),
                    data);
            assertThat(data.path("partKind").asText()).isEqualTo("INFORM");
            assertThat(data.path("lead").asBoolean()).isFalse();
            assertThat(record.value()).doesNotContain(COMMENT);
        }
        assertThat(EscalationFixtures.data(changes.get(2)).path("escalationStatus").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void oneOpenCopyPerAgencyAndReportOthersMayBeCopiedToo() {
        String reportId = EscalationFixtures.knownReport();
        String first = inform(Tokens.staff("DCY"), reportId, CIVIL_AFFAIRS).statusCode(201).extract().path("id");

        inform(Tokens.staff("DCY"), reportId, CIVIL_AFFAIRS).statusCode(409).contentType(EscalationFixtures.PROBLEM);
        inform(Tokens.staff("DCY"), reportId, "housing").statusCode(201);
        act(CIVIL_AFFAIRS, first, "return", Map.of("reason", "NOT_RESPONSIBLE")).statusCode(200)
                .body("status", equalTo("RETURNED"));
        inform(Tokens.staff("DCY"), reportId, CIVIL_AFFAIRS).statusCode(201);
    }

    @Test
    void outsideTheScopeOrWithAnUnknownAgencyOrBadBodyItIsRefused() {
        String reportId = EscalationFixtures.knownReport();

        inform(Tokens.staff("XHY"), reportId, CIVIL_AFFAIRS).statusCode(404).contentType(EscalationFixtures.PROBLEM);
        inform(Tokens.supervisor("OTHERJD"), reportId, CIVIL_AFFAIRS).statusCode(404);
        inform(Tokens.staff("DCY"), reportId, "no-such-agency").statusCode(422)
                .body("errors[0].field", equalTo("agency"));
        inform(Tokens.staff("DCY"), "0f8e7d6c-0000-4938-8271-605f4e3d2c1b", CIVIL_AFFAIRS).statusCode(422)
                .body("errors[0].field", equalTo("reportId"));
        given().auth().oauth2(Tokens.staff("DCY")).contentType(ContentType.JSON)
                .body(Map.of("reportId", reportId, "agency", CIVIL_AFFAIRS))
                .when().post("/api/escalations/inform").then().statusCode(400).contentType(EscalationFixtures.PROBLEM)
                .body("errors.field", hasItem("reason"));
        assertThat(given().auth().oauth2(Tokens.admin()).when().get("/api/escalations?reportId=" + reportId)
                .then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
    }

    private static ValidatableResponse inform(String token, String reportId, String agency) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reportId", reportId, "agency", agency, "reason", REASON))
                .when().post("/api/escalations/inform").then();
    }

    private static JsonPath board() {
        return given().auth().oauth2(Tokens.staff("DCY")).queryParam("community", "DCY")
                .get("/api/escalations/board").then().statusCode(200).extract().jsonPath();
    }
}
