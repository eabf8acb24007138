package org.lookout.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.lookout.escalation.EscalationFixtures.ESCALATION;
import static org.lookout.escalation.EscalationFixtures.PROBLEM;
import static org.lookout.escalation.EscalationFixtures.act;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** The agency API: each agency works on its own part; the table decides what may follow; each step is an event. */
@QuarkusTest
@EscalationTestResources
class AgencyWorkResourceTest {

    private static final String POLICE = "police-dcy";
    private static final String MARKET = "market-dcy";
    private static final String PSB = "psb-district";
    private static final String NOTE = "officers visited the flat with the caretaker";
    private static final String ACTIONS = "the fuel cans were removed and the tenant was warned in writing";
    private static final String RETURN_NOTE = "the building belongs to the neighbouring district";

    @Test
    void anAgencyAcknowledgesReportsProgressAndResolvesEachAsAnEventWithoutItsWords() {
        String id = EscalationFixtures.newEscalation(POLICE);
        String reportId = EscalationFixtures.read(id).getString("reportId");

        act(POLICE, id, "acknowledge", null).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("parts[0].status", equalTo("ACKNOWLEDGED"));
        act(POLICE, id, "progress", Map.of("note", NOTE)).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("notes.note", contains(NOTE))
                .body("notes[0].agencyCode", equalTo(POLICE));
        act(POLICE, id, "resolve", Map.of("outcome", "HANDLED", "actionsTaken", ACTIONS)).statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("parts[0].outcome", equalTo("HANDLED"))
                .body("parts[0].actionsTaken", equalTo(ACTIONS));

        List<ConsumerRecord<String, String>> published = EscalationFixtures.published(reportId, id, 4,
                EventType.ESCALATION_OPENED, EventType.ESCALATION_ACKNOWLEDGED, EventType.ESCALATION_PROGRESSED,
                EventType.ESCALATION_RESOLVED);
        assertThat(published).extracting(EscalationFixtures::type).containsExactly(EventType.ESCALATION_OPENED.type(),
                EventType.ESCALATION_ACKNOWLEDGED.type(), EventType.ESCALATION_PROGRESSED.type(),
                EventType.ESCALATION_RESOLVED.type());
        for (ConsumerRecord<String, String> record : published) {
            EventType type = EventType.of(EscalationFixtures.type(record)).orElseThrow();
            ContractAssertions.assertValidAgainstSchema(type, EscalationFixtures.data(record));
            assertThat(record.value()).doesNotContain(NOTE, ACTIONS, EscalationFixtures.DEFAULT_REASON, "reporterRef");
        }
        JsonNode resolved = EscalationFixtures.data(published.get(3));
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_RESOLVED, resolved);
        assertThat(resolved.get("outcome").asText()).isEqualTo("HANDLED");
        assertThat(resolved.get("escalationStatus").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("agencyCode").asText()).isEqualTo(POLICE);
    }

    /** openedBy is a staff member's account id: officials read it, an agency never (issue 17's probe). */
    @Test
    void anAgencyNeverSeesWhoOpenedTheEscalation() {
        String id = EscalationFixtures.newEscalation(POLICE);

        given().auth().oauth2(Tokens.staff("DCY")).when().get(ESCALATION, id)
                .then().statusCode(200).body("openedBy", notNullValue());
        given().auth().oauth2(Tokens.agency(POLICE)).when().get(ESCALATION, id)
                .then().statusCode(200).body("$", not(hasKey("openedBy")));
        given().auth().oauth2(Tokens.agency(POLICE)).when().get("/api/escalations")
                .then().statusCode(200).body("id", hasItem(id)).body("$", everyItem(not(hasKey("openedBy"))));
        act(POLICE, id, "acknowledge", null).statusCode(200).body("$", not(hasKey("openedBy")));
    }

    @Test
    void anotherAgencysEscalationIs404() {
        String id = EscalationFixtures.newEscalation(POLICE);

        act(MARKET, id, "acknowledge", null).statusCode(404).contentType(PROBLEM);
        act(MARKET, id, "progress", Map.of("note", NOTE)).statusCode(404).contentType(PROBLEM);
        act(MARKET, id, "resolve", Map.of("outcome", "HANDLED", "actionsTaken", ACTIONS)).statusCode(404);
        act(MARKET, id, "return", Map.of("reason", "NOT_RESPONSIBLE")).statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.agency(MARKET)).when().get(ESCALATION, id).then().statusCode(404);
        assertThat(EscalationFixtures.read(id).getString("parts[0].status")).isEqualTo("OPEN");
    }

    @Test
    void aMoveTheStateDoesNotAllowIs409NamingTheAllowedStates() {
        String id = EscalationFixtures.newEscalation(POLICE);

        act(POLICE, id, "resolve", Map.of("outcome", "HANDLED", "actionsTaken", ACTIONS)).statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lookout:problem:illegal-transition"))
                .body("from", equalTo("OPEN"))
                .body("action", equalTo("resolve"))
                .body("allowed", contains("ACKNOWLEDGED", "RETURNED", "OVERDUE"))
                .body("errors[0].field", equalTo("status"));
        act(POLICE, id, "progress", Map.of("note", NOTE)).statusCode(409).body("from", equalTo("OPEN"));
        act(POLICE, id, "acknowledge", null).statusCode(200);
        act(POLICE, id, "acknowledge", null).statusCode(409)
                .body("from", equalTo("ACKNOWLEDGED"))
                .body("allowed", contains("RESOLVED", "RETURNED", "OVERDUE"));
        act(POLICE, id, "resolve", Map.of("outcome", "CASE_OPENED", "actionsTaken", ACTIONS)).statusCode(200);
        act(POLICE, id, "return", Map.of("reason", "NOT_RESPONSIBLE")).statusCode(409)
                .body("from", equalTo("RESOLVED")).body("allowed", hasSize(0));
        assertThat(EscalationFixtures.events(id, EventType.ESCALATION_RETURNED)).isZero();
    }

    @Test
    void badBodiesAreProblemsNamingTheField() {
        String id = EscalationFixtures.newEscalation(POLICE);
        act(POLICE, id, "acknowledge", null).statusCode(200);

        act(POLICE, id, "progress", Map.of("note", "x".repeat(2001))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("note"));
        act(POLICE, id, "progress", Map.of()).statusCode(400).body("errors.field", hasItem("note"));
        act(POLICE, id, "resolve", Map.of("actionsTaken", ACTIONS)).statusCode(400)
                .body("errors.field", hasItem("outcome"));
        act(POLICE, id, "resolve", Map.of("outcome", "SOLVED", "actionsTaken", ACTIONS)).statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("outcome"));
        act(POLICE, id, "resolve", Map.of("outcome", "HANDLED", "actionsTaken", "x".repeat(4001))).statusCode(400)
                .body("errors.field", hasItem("actionsTaken"));
        act(POLICE, id, "return", Map.of("note", RETURN_NOTE)).statusCode(400).body("errors.field", hasItem("reason"));
        act(POLICE, id, "return", Map.of("reason", "BORED")).statusCode(400).body("errors.field", hasItem("reason"));
        assertThat(EscalationFixtures.read(id).getString("status")).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aJointEscalationResolvesOnlyWhenItsLeadResolves() {
        String id = EscalationFixtures.newEscalation(PSB, MARKET);
        String reportId = EscalationFixtures.read(id).getString("reportId");

        act(MARKET, id, "acknowledge", null).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        act(MARKET, id, "resolve", Map.of("outcome", "PENALISED", "actionsTaken", ACTIONS)).statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        act(PSB, id, "acknowledge", null).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        act(PSB, id, "resolve", Map.of("outcome", "CASE_OPENED", "actionsTaken", ACTIONS)).statusCode(200)
                .body("status", equalTo("RESOLVED"));

        List<ConsumerRecord<String, String>> resolved = EscalationFixtures.published(reportId, id, 2,
                EventType.ESCALATION_RESOLVED);
        assertThat(resolved).extracting(record -> EscalationFixtures.data(record).get("escalationStatus").asText())
                .containsExactly("ACKNOWLEDGED", "RESOLVED");
        assertThat(resolved).extracting(record -> EscalationFixtures.data(record).get("lead").asBoolean())
                .containsExactly(false, true);
        resolved.forEach(record -> ContractAssertions.assertValidAgainstSchema(EventType.ESCALATION_RESOLVED,
                EscalationFixtures.data(record)));
    }

    @Test
    void aJointEscalationIsReturnedWhenItsLeadReturnsIt() {
        String id = EscalationFixtures.newEscalation(PSB, MARKET);
        String reportId = EscalationFixtures.read(id).getString("reportId");

        act(MARKET, id, "return", Map.of("reason", "WRONG_JURISDICTION", "note", RETURN_NOTE)).statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("parts.find { it.agencyCode == 'market-dcy' }.returnNote", equalTo(RETURN_NOTE));
        act(PSB, id, "return", Map.of("reason", "NOT_RESPONSIBLE")).statusCode(200)
                .body("status", equalTo("RETURNED"));
        act(MARKET, id, "acknowledge", null).statusCode(409).body("from", equalTo("RETURNED"));

        List<ConsumerRecord<String, String>> returned = EscalationFixtures.published(reportId, id, 2,
                EventType.ESCALATION_RETURNED);
        assertThat(returned).extracting(record -> EscalationFixtures.data(record).get("returnReason").asText())
                .containsExactly("WRONG_JURISDICTION", "NOT_RESPONSIBLE");
        assertThat(returned).extracting(record -> EscalationFixtures.data(record).get("escalationStatus").asText())
                .containsExactly("OPEN", "RETURNED");
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_RETURNED,
                EscalationFixtures.data(returned.get(1)));
        assertThat(returned.getFirst().value()).doesNotContain(RETURN_NOTE);
    }

    @Test
    void anAgencyReadsOnlyItsOwnNotes() {
        String id = EscalationFixtures.newEscalation(PSB, MARKET);
        act(PSB, id, "acknowledge", null).statusCode(200);
        act(MARKET, id, "acknowledge", null).statusCode(200);
        act(PSB, id, "progress", Map.of("note", NOTE)).statusCode(200);

        given().auth().oauth2(Tokens.agency(MARKET)).when().get(ESCALATION, id)
                .then().statusCode(200).body("notes", hasSize(0)).body("parts", hasSize(2));
        given().auth().oauth2(Tokens.agency(PSB)).when().get(ESCALATION, id)
                .then().statusCode(200).body("notes.note", contains(NOTE));
        assertThat(EscalationFixtures.read(id).getList("notes")).hasSize(1);
    }

    @Test
    void onlyAgenciesAct() {
        String id = EscalationFixtures.newEscalation(POLICE);
        for (String token : new String[] { Tokens.staff(EscalationFixtures.DEFAULT_COMMUNITY), Tokens.inspector(),
                Tokens.admin(), Tokens.resident(EscalationFixtures.DEFAULT_COMMUNITY) }) {
            given().auth().oauth2(token).when().post(ESCALATION + "/acknowledge", id)
                    .then().statusCode(403).contentType(PROBLEM);
        }
        // supervisors work the parts addressed to their street (StreetWorkTest); an agency's part is not theirs
        given().auth().oauth2(Tokens.supervisor(EscalationFixtures.DEFAULT_STREET)).when()
                .post(ESCALATION + "/acknowledge", id).then().statusCode(404).contentType(PROBLEM);
        given().when().post(ESCALATION + "/acknowledge", id).then().statusCode(401).contentType(PROBLEM);
    }
}
