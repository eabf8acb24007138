package org.lookout.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_STREET;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_WAIT;
import static org.lookout.escalation.EscalationFixtures.ESCALATION;
import static org.lookout.escalation.EscalationFixtures.ESCALATIONS;
import static org.lookout.escalation.EscalationFixtures.PROBLEM;
import static org.lookout.escalation.EscalationFixtures.work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.ReferenceDataFixture;
import org.lookout.escalation.clock.SlaSweeps;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 13: breaches reach someone who can act. A response breach, and by default a resolution breach, go to the
 * report's street, whose supervisors work them through the agency API (督办) — and nobody else: not another street's
 * supervisor, not an agency. The street returns the report to the community with instructions and a new deadline; the
 * clock runs to it (announced as RETURNED, its breach on record) and breaches again when it is missed. An item may send
 * its resolution breach straight to an agency kind instead.
 */
@QuarkusTest
@EscalationTestResources
class StreetWorkTest {

    private static final String STREET_OFFICE = "street-office-dcyjd";
    // the golden report: received Fri 2026-02-13 17:30 Shanghai, due at the end of the Saturday make-up day
    private static final Instant RESPONSE_DUE_AT = Instant.parse("2026-02-14T16:00:00Z");
    // accepted Fri 18:00; corridor-lighting's 3 working days: Sat 14, then Tue 24 and Wed 25 after the Spring Festival
    private static final Instant ACCEPTED_AT = Instant.parse("2026-02-13T10:00:00Z");
    // after both resolution clocks below are due (2026-02-25 and 2026-02-26 end of day)
    private static final Instant SWEPT_AT = Instant.parse("2026-03-02T16:00:00Z");
    // the street returns it on Mon 2026-03-02 10:00 with 2 working days: the end of Wed 2026-03-04
    private static final Instant RETURNED_AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant NEW_DUE_AT = Instant.parse("2026-03-04T16:00:00Z");
    private static final String INSTRUCTIONS = "replace the corridor lamp today and call the reporter back";

    @Inject
    SlaSweeps sweeps;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aResponseBreachIsWorkedByTheStreetsSupervisorAndReturnedWithInstructionsAndANewDeadline() throws Throwable {
        String reportId = EscalationFixtures.knownReport();
        sweeps.at(RESPONSE_DUE_AT);
        String id = awaitEscalation(reportId, "RESPONSE_BREACHED");
        String supervisor = Tokens.supervisor(DEFAULT_STREET);

        given().auth().oauth2(supervisor).when().get(ESCALATION, id).then().statusCode(200)
                .body("leadAgencyCode", equalTo(STREET_OFFICE))
                .body("parts[0].streetCode", equalTo(DEFAULT_STREET));
        work(supervisor, id, "acknowledge", null).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        work(supervisor, id, "progress", Map.of("note", "the street called the property manager")).statusCode(200);
        clock.set(RETURNED_AT);
        work(supervisor, id, "return", Map.of("reason", "INSTRUCTIONS_GIVEN", "note", INSTRUCTIONS,
                "dueInWorkingDays", 2)).statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("parts[0].status", equalTo("RETURNED"))
                .body("parts[0].returnReason", equalTo("INSTRUCTIONS_GIVEN"))
                .body("parts[0].returnNote", equalTo(INSTRUCTIONS))
                .body("parts[0].returnDueAt", equalTo(NEW_DUE_AT.toString()));

        // the response clock runs to the street's deadline, its breach on record
        JsonPath clocks = EscalationFixtures.clocks(reportId);
        assertThat(EscalationFixtures.clockField(clocks, "RESPONSE", "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(clocks, "RESPONSE", "dueAt")).isEqualTo(NEW_DUE_AT.toString());
        assertThat(EscalationFixtures.clockField(clocks, "RESPONSE", "breachedAt")).isEqualTo(RESPONSE_DUE_AT.toString());

        // on the topic: the return (references only, the instructions stay here) and the new due time
        List<ConsumerRecord<String, String>> published = EscalationFixtures.published(reportId, id, 4,
                EventType.ESCALATION_OPENED, EventType.ESCALATION_ACKNOWLEDGED, EventType.ESCALATION_PROGRESSED,
                EventType.ESCALATION_RETURNED);
        JsonNode returned = EscalationFixtures.data(published.getLast());
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_RETURNED, returned);
        assertThat(returned.get("agencyCode").asText()).isEqualTo(STREET_OFFICE);
        assertThat(returned.get("returnReason").asText()).isEqualTo("INSTRUCTIONS_GIVEN");
        assertThat(returned.toString()).doesNotContain(INSTRUCTIONS);
        JsonNode scheduled = awaitScheduled(reportId, "RETURNED");
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_SLA_SCHEDULED, scheduled);
        assertThat(scheduled.get("clockKind").asText()).isEqualTo("RESPONSE");
        assertThat(scheduled.get("dueAt").asText()).isEqualTo(NEW_DUE_AT.toString());

        // missed again: breached again, and to the street again
        sweeps.at(NEW_DUE_AT);
        await().atMost(DEFAULT_WAIT).until(() -> escalations(reportId, "RESPONSE_BREACHED").size() == 2);
        assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(reportId), "RESPONSE", "state"))
                .isEqualTo("BREACHED");
    }

    @Test
    void noOneButTheStreetsSupervisorsWorksTheStreetsEscalation() {
        String id = EscalationFixtures.newEscalation(STREET_OFFICE);
        String otherStreet = Tokens.supervisor("OTHERJD");

        given().auth().oauth2(otherStreet).when().get(ESCALATION, id).then().statusCode(404).contentType(PROBLEM);
        for (String action : new String[] { "acknowledge", "progress", "resolve", "return" }) {
            work(otherStreet, id, action, body(action)).statusCode(404).contentType(PROBLEM);
            work(Tokens.agency("police-dcy"), id, action, body(action)).statusCode(404).contentType(PROBLEM);
        }
        given().auth().oauth2(otherStreet).queryParam("status", "OPEN").when().get(ESCALATIONS).then()
                .statusCode(200).body("findAll { it.id == '" + id + "' }.size()", equalTo(0));
        assertThat(EscalationFixtures.read(id).getString("status")).isEqualTo("OPEN");

        // the street may also settle it itself
        String supervisor = Tokens.supervisor(DEFAULT_STREET);
        work(supervisor, id, "acknowledge", null).statusCode(200);
        work(supervisor, id, "resolve", body("resolve")).statusCode(200).body("status", equalTo("RESOLVED"))
                .body("parts[0].outcome", equalTo("HANDLED"));
    }

    /** reason, note, days → the field named; an agency cannot give instructions or a deadline. */
    @Test
    void aReturnThatDoesNotFitWhoseItIsIs400NamingTheField() {
        String street = EscalationFixtures.newEscalation(STREET_OFFICE);
        String supervisor = Tokens.supervisor(DEFAULT_STREET);
        work(supervisor, street, "return", Map.of("reason", "NOT_RESPONSIBLE", "note", INSTRUCTIONS,
                "dueInWorkingDays", 2)).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        work(supervisor, street, "return", Map.of("reason", "INSTRUCTIONS_GIVEN", "dueInWorkingDays", 2))
                .statusCode(400).body("errors[0].field", equalTo("note"));
        work(supervisor, street, "return", Map.of("reason", "INSTRUCTIONS_GIVEN", "note", INSTRUCTIONS))
                .statusCode(400).body("errors[0].field", equalTo("dueInWorkingDays"));
        work(supervisor, street, "return", Map.of("reason", "INSTRUCTIONS_GIVEN", "note", INSTRUCTIONS,
                "dueInWorkingDays", 0)).statusCode(400).body("errors[0].field", equalTo("dueInWorkingDays"));
        assertThat(EscalationFixtures.read(street).getString("status")).isEqualTo("OPEN");

        String police = EscalationFixtures.newEscalation("police-dcy");
        EscalationFixtures.act("police-dcy", police, "return", Map.of("reason", "INSTRUCTIONS_GIVEN", "note", "x"))
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        EscalationFixtures.act("police-dcy", police, "return", Map.of("reason", "NOT_RESPONSIBLE",
                "dueInWorkingDays", 2)).statusCode(400).body("errors[0].field", equalTo("dueInWorkingDays"));
        assertThat(EscalationFixtures.read(police).getString("status")).isEqualTo("OPEN");
    }

    @Test
    void aResolutionBreachGoesToTheStreetUnlessTheItemNamesAnAgencyKind() throws Throwable {
        // corridor-lighting names none: the street, due in breach-escalation-working-days (1)
        CloudEvent lighting = GoldenComplaintEvents.submitted();
        GoldenComplaintEvents.applied(lighting,
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, lighting, ACCEPTED_AT));
        // an item whose resolution breach goes to housing: the nearest HOUSING agency, due in the item's 4 days
        String item = "pilot-breach-to-housing";
        ReferenceDataFixture.publish(ReferenceDataFixture.newItem(item, 4, 1, AgencyKind.HOUSING));
        await().atMost(DEFAULT_WAIT).until(() -> given().auth().oauth2(Tokens.admin()).get("/api/escalations/policies")
                .then().extract().jsonPath().getString("find { it.itemCode == '" + item + "' }"
                        + ".resolutionBreachEscalatesTo") != null);
        CloudEvent housing = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data.put("itemCode", item));
        GoldenComplaintEvents.applied(housing,
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, housing, ACCEPTED_AT));

        sweeps.at(SWEPT_AT);

        JsonPath toStreet = EscalationFixtures.read(awaitEscalation(GoldenComplaintEvents.reportId(lighting),
                "RESOLUTION_BREACHED"));
        assertThat(toStreet.getString("leadAgencyCode")).isEqualTo(STREET_OFFICE);
        assertThat(toStreet.getString("parts[0].streetCode")).isEqualTo(DEFAULT_STREET);
        assertThat(toStreet.getInt("workingDays")).isEqualTo(1);
        assertThat(toStreet.getString("openedAt")).isEqualTo(SWEPT_AT.toString());
        JsonPath toHousing = EscalationFixtures.read(awaitEscalation(GoldenComplaintEvents.reportId(housing),
                "RESOLUTION_BREACHED"));
        assertThat(toHousing.getString("leadAgencyCode")).isEqualTo("housing");
        assertThat(toHousing.getString("parts[0].streetCode")).isNull();
        assertThat(toHousing.getInt("workingDays")).isEqualTo(4);

        JsonPath policies = given().auth().oauth2(Tokens.staff("DCY")).get("/api/escalations/policies").then()
                .statusCode(200).extract().jsonPath();
        assertThat(policies.getString("find { it.itemCode == 'corridor-lighting' }.resolutionBreachEscalatesTo"))
                .isEqualTo("STREET");
        assertThat(policies.getString("find { it.itemCode == '" + item + "' }.resolutionBreachEscalatesTo"))
                .isEqualTo("HOUSING");
    }

    private static Map<String, ?> body(String action) {
        return switch (action) {
            case "progress" -> Map.of("note", "on site");
            case "resolve" -> Map.of("outcome", "HANDLED", "actionsTaken", "the street had the lamp replaced");
            case "return" -> Map.of("reason", "INSTRUCTIONS_GIVEN", "note", INSTRUCTIONS, "dueInWorkingDays", 2);
            default -> null;
        };
    }

    private static List<String> escalations(String reportId, String trigger) {
        return given().auth().oauth2(Tokens.admin()).queryParam("reportId", reportId).when().get(ESCALATIONS)
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.trigger == '" + trigger + "' }.id");
    }

    /** The report's (first) escalation of {@code trigger}, once it is there. */
    private static String awaitEscalation(String reportId, String trigger) {
        return await().atMost(DEFAULT_WAIT).until(() -> escalations(reportId, trigger), found -> !found.isEmpty())
                .getLast();
    }

    /** The report's sla-scheduled record with {@code reason}, once it is on the topic. */
    private static JsonNode awaitScheduled(String reportId, String reason) {
        Predicate<ConsumerRecord<String, String>> ours = record -> reportId.equals(record.key())
                && EventType.ESCALATION_SLA_SCHEDULED.type().equals(
                        TopicProbe.header(record, CloudEventKafka.TYPE).orElse(""))
                && reason.equals(EscalationFixtures.data(record).path("reason").asText());
        return EscalationFixtures.data(TopicProbe.readUntil(Topics.ESCALATION,
                read -> read.stream().anyMatch(ours), Duration.ofSeconds(60)).stream().filter(ours).findFirst()
                .orElseThrow());
    }
}
