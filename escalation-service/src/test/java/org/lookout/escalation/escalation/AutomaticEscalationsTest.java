package org.lookout.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_WAIT;
import static org.lookout.escalation.EscalationFixtures.ESCALATIONS;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.clock.SlaScheduler;
import org.lookout.escalation.config.MovableClock;
import org.lookout.escalation.messaging.incoming.ComplaintEventsConsumer;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * Escalations nobody decides, end to end from the golden complaint events: a breached response clock goes to the street
 * office; hazardous materials go at once to public security (lead) and market regulation jointly, food and drug safety
 * to market regulation; other items, and reports about officials, do not escalate on acceptance.
 */
@QuarkusTest
@EscalationTestResources
class AutomaticEscalationsTest {

    // the golden sample: received Friday 2026-02-13 17:30 Shanghai, due at the end of the Saturday make-up day
    private static final Instant RESPONSE_DUE_AT = Instant.parse("2026-02-14T16:00:00Z");
    private static final Instant ACCEPTED_AT = Instant.parse("2026-02-13T10:00:00Z");

    @Inject
    SlaScheduler scheduler;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aBreachedResponseClockEscalatesToTheStreetOffice() throws Throwable {
        String reportId = EscalationFixtures.knownReport();

        clock.set(RESPONSE_DUE_AT);
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);

        JsonNode opened = awaitOpened(reportId, "RESPONSE_BREACHED");
        assertThat(opened.get("agencies")).hasSize(1);
        assertThat(opened.get("agencies").get(0).get("agencyKind").asText()).isEqualTo("STREET_OFFICE");
        assertThat(opened.get("streetCode").asText()).isEqualTo("DCYJD");
        assertThat(opened.get("workingDays").asInt()).isEqualTo(1);
        assertThat(opened.get("openedAt").asText()).isEqualTo(RESPONSE_DUE_AT.toString());
        String office = opened.get("leadAgencyCode").asText();
        given().auth().oauth2(Tokens.admin()).when().get("/api/agencies/{code}", office)
                .then().statusCode(200).body("kind", equalTo("STREET_OFFICE")).body("jurisdiction", equalTo("DCYJD"));

        // a second sweep finds nothing to breach, so nothing more is opened
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);
        assertThat(escalations(reportId)).isEqualTo(1);
    }

    /**
     * Issue 13: a report about an official starts no community clock (its 12388 limits run in the cadre registry), so
     * nothing of it breaches here and nothing reaches the street.
     */
    @Test
    void aReportAboutAnOfficialStartsNoClockSoNothingBreachesOrReachesTheStreet() throws Throwable {
        CloudEvent submitted = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("itemCode", "cadre-conduct").put("confidential", true));
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT);
        GoldenComplaintEvents.applied(submitted, accepted);
        String reportId = GoldenComplaintEvents.reportId(submitted);

        clock.set(RESPONSE_DUE_AT);
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);

        assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ?",
                UUID.fromString(reportId))).isZero();
        assertThat(escalations(reportId)).isZero();
        assertThat(EscalationDatabase.number("select count(*) from outbox_event where partition_key = ?", reportId))
                .as("no sla-scheduled, no breach").isZero();
    }

    @Test
    void hazardousMaterialsEscalateAtOnceToPublicSecurityAndMarketRegulationJointly() {
        CloudEvent submitted = submitted("hazardous-materials");

        accept(submitted);

        JsonNode opened = awaitOpened(GoldenComplaintEvents.reportId(submitted), "IMMEDIATE");
        assertThat(opened.get("leadAgencyCode").asText()).isEqualTo("psb-district");
        assertThat(opened.get("agencies").toString()).isEqualTo(
                "[{\"agencyCode\":\"psb-district\",\"agencyKind\":\"PUBLIC_SECURITY\",\"lead\":true},"
                        + "{\"agencyCode\":\"market-dcy\",\"agencyKind\":\"MARKET_REGULATION\",\"lead\":false}]");
        // the item's resolution target (1 working day) from the acceptance, on the calendar
        assertThat(opened.get("workingDays").asInt()).isEqualTo(1);
        assertThat(opened.get("openedAt").asText()).isEqualTo(ACCEPTED_AT.toString());
        assertThat(opened.get("dueAt").asText()).isEqualTo(RESPONSE_DUE_AT.toString());
    }

    @Test
    void foodAndDrugSafetyEscalatesToMarketRegulation() {
        CloudEvent submitted = submitted("food-drug-safety");

        accept(submitted);

        JsonNode opened = awaitOpened(GoldenComplaintEvents.reportId(submitted), "IMMEDIATE");
        assertThat(opened.get("agencies")).hasSize(1);
        assertThat(opened.get("leadAgencyCode").asText()).isEqualTo("market-dcy");
        assertThat(opened.get("workingDays").asInt()).isEqualTo(5);
    }

    @Test
    void anAcceptanceDeliveredAgainOpensNoSecondEscalation() {
        CloudEvent submitted = submitted("hazardous-materials");
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT);
        // the same acceptance announced again under another id (a replay by the producer)
        CloudEvent replayed = GoldenEvents.sameReport(accepted, data -> {
        });

        GoldenComplaintEvents.send(accepted);
        GoldenComplaintEvents.send(accepted);
        GoldenComplaintEvents.send(replayed);

        await().atMost(DEFAULT_WAIT)
                .until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, replayed.id()));
        assertThat(escalations(GoldenComplaintEvents.reportId(submitted))).isEqualTo(1);
    }

    @Test
    void anItemNotMarkedForImmediateEscalationIsNotEscalatedOnAcceptance() {
        CloudEvent submitted = submitted("corridor-lighting");
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT);

        GoldenComplaintEvents.send(accepted);

        await().atMost(DEFAULT_WAIT)
                .until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, accepted.id()));
        assertThat(escalations(GoldenComplaintEvents.reportId(submitted))).isZero();
    }

    /**
     * complaint-service marks cadre-conduct for the discipline commission at once; a report about an official reaches it
     * as the cadre registry's forwarded tip-off (TIP_OFF), so its acceptance escalates nothing here.
     */
    @Test
    void anAcceptedReportAboutAnOfficialIsNotEscalatedOnAcceptance() {
        CloudEvent submitted = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("itemCode", "cadre-conduct").put("confidential", true));
        GoldenComplaintEvents.send(submitted);
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT);

        GoldenComplaintEvents.send(accepted);

        await().atMost(DEFAULT_WAIT)
                .until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, accepted.id()));
        assertThat(escalations(GoldenComplaintEvents.reportId(submitted))).isZero();
    }

    private static CloudEvent submitted(String item) {
        CloudEvent submitted = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data.put("itemCode", item));
        GoldenComplaintEvents.send(submitted);
        return submitted;
    }

    private static void accept(CloudEvent submitted) {
        GoldenComplaintEvents.send(GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted,
                ACCEPTED_AT));
    }

    private static long escalations(String reportId) {
        return EscalationDatabase.number("select count(*) from escalation where report_id = ?",
                UUID.fromString(reportId));
    }

    /** The report's escalation of {@code trigger} as the API shows it and its opened record on the topic. */
    private static JsonNode awaitOpened(String reportId, String trigger) {
        String id = await().atMost(DEFAULT_WAIT).until(() -> {
            JsonPath found = given().auth().oauth2(Tokens.admin()).queryParam("reportId", reportId)
                    .when().get(ESCALATIONS).then().statusCode(200).extract().jsonPath();
            List<String> ids = found.getList("findAll { it.trigger == '" + trigger + "' }.id");
            return ids.isEmpty() ? null : ids.getFirst();
        }, found -> found != null);
        ConsumerRecord<String, String> record = EscalationFixtures.published(reportId, id, 1,
                EventType.ESCALATION_OPENED).getFirst();
        JsonNode data = EscalationFixtures.data(record);
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_OPENED, data);
        assertThat(data.get("trigger").asText()).isEqualTo(trigger);
        assertThat(data.get("reportId").asText()).isEqualTo(reportId);
        return data;
    }
}
