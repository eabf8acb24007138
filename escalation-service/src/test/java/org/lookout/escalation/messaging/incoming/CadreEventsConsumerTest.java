package org.lookout.escalation.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_WAIT;
import static org.lookout.escalation.EscalationFixtures.ESCALATION;
import static org.lookout.escalation.EscalationFixtures.ESCALATIONS;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.outbox.DeadLetterHandler;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Forwarded tip-offs from the golden cadre event to the discipline commission's escalation and its opened event. */
@QuarkusTest
@EscalationTestResources
class CadreEventsConsumerTest {

    private static final String DLQ = "lookout.escalation-service.dlq";
    private static final EventType TIP_OFF = EventType.CADRE_TIP_OFF_FORWARDED;

    @Test
    void aForwardedTipOffOpensAConfidentialEscalationToTheDistrictDisciplineCommission() {
        CloudEvent tipOff = GoldenEvents.fresh(TIP_OFF);
        String reportId = GoldenEvents.reportId(tipOff);

        GoldenEvents.send(tipOff);

        JsonPath escalation = awaitEscalation(reportId);
        assertThat(escalation.getString("trigger")).isEqualTo("TIP_OFF");
        assertThat(escalation.getString("leadAgencyCode")).isEqualTo("discipline-district");
        assertThat(escalation.getBoolean("confidential")).isTrue();
        assertThat(escalation.getInt("workingDays")).isEqualTo(5);
        assertThat(escalation.getString("itemCode")).isEqualTo("cadre-conduct");
        assertThat(escalation.getString("streetCode")).isEqualTo("DCYJD");
        // forwarded Mon 2026-02-16 in the Spring Festival break: five working days as the calendar counts them
        String due = given().queryParam("from", "2026-02-16T09:00:00Z").queryParam("workingDays", 5)
                .when().get("/api/calendar/deadline").then().statusCode(200).extract().path("dueAt");
        assertThat(escalation.getString("dueAt")).isEqualTo(due);

        String id = escalation.getString("id");
        ConsumerRecord<String, String> opened = EscalationFixtures.published(reportId, id, 1,
                EventType.ESCALATION_OPENED).getFirst();
        JsonNode data = EscalationFixtures.data(opened);
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_OPENED, data);
        assertThat(data.get("trigger").asText()).isEqualTo("TIP_OFF");
        assertThat(data.get("confidential").asBoolean()).isTrue();
        assertThat(data.get("openedAt").asText()).isEqualTo("2026-02-16T09:00:00Z");
        assertThat(data.get("agencies").get(0).get("agencyKind").asText()).isEqualTo("DISCIPLINE_COMMISSION");
        assertThat(opened.value()).doesNotContain(GoldenEvents.trackingNumber(tipOff));

        // about an official: the discipline organs read it, the community and the street do not
        for (String token : new String[] { Tokens.inspector(), Tokens.agency("discipline-district") }) {
            given().auth().oauth2(token).when().get(ESCALATION, id).then().statusCode(200);
        }
        for (String token : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD") }) {
            given().auth().oauth2(token).when().get(ESCALATION, id).then().statusCode(404);
        }
    }

    @Test
    void aTipOffAboutTheHeadOfTheReceivingBodyGoesToTheLevelAbove() {
        CloudEvent tipOff = GoldenEvents.fresh(TIP_OFF, data -> data.put("accusedHeadsReceivingBody", true));

        GoldenEvents.send(tipOff);

        assertThat(awaitEscalation(GoldenEvents.reportId(tipOff)).getString("leadAgencyCode"))
                .isEqualTo("discipline-city");
    }

    @Test
    void theSameTipOffTwiceOpensOneEscalation() {
        CloudEvent tipOff = GoldenEvents.fresh(TIP_OFF);
        // a second forwarding of the same report (another event id) while the first escalation is open
        CloudEvent again = GoldenEvents.sameReport(tipOff, data -> data.put("tipOffId", UUID.randomUUID().toString()));
        CloudEvent marker = GoldenEvents.sameReport(tipOff, data -> data.put("itemCode", "cadre-conduct"));

        GoldenEvents.send(tipOff);
        GoldenEvents.send(tipOff);
        GoldenEvents.send(again);
        GoldenEvents.send(marker);

        await().atMost(DEFAULT_WAIT)
                .until(() -> EscalationDatabase.processed(CadreEventsConsumer.CONSUMER, marker.id()));
        assertThat(EscalationDatabase.number("select count(*) from escalation where report_id = ?",
                UUID.fromString(GoldenEvents.reportId(tipOff)))).isEqualTo(1);
        assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = ?", tipOff.id()))
                .isEqualTo(1);
        assertThat(EscalationDatabase.number(
                "select count(distinct event_id) from outbox_event where partition_key = ? and event_type = ?",
                GoldenEvents.reportId(tipOff), EventType.ESCALATION_OPENED.type())).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        CloudEvent good = GoldenEvents.fresh(TIP_OFF);
        String key = GoldenEvents.reportId(good);
        TopicProbe.send(Topics.CADRE, key, Map.of(), "{\"no\":\"headers\"}");
        TopicProbe.send(Topics.CADRE, key, CloudEventKafka.headers(GoldenEvents.fresh(TIP_OFF)), "not json at all");

        GoldenEvents.send(good);

        assertThat(awaitEscalation(key).getString("trigger")).isEqualTo("TIP_OFF");
        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecordsWithKey(DLQ, key, 2, DEFAULT_WAIT);
        assertThat(parked).extracting(ConsumerRecord::value).containsExactly("{\"no\":\"headers\"}", "not json at all");
        for (ConsumerRecord<String, String> record : parked) {
            assertThat(record.headers().toArray()).extracting(Header::key).as("decided headers only")
                    .isSubsetOf(DeadLetterHandler.HEADERS);
            assertThat(TopicProbe.header(record, DeadLetterHandler.CODE)).contains("malformed");
        }
    }

    /** The report's one escalation, as an inspector reads it once it exists. */
    private static JsonPath awaitEscalation(String reportId) {
        await().atMost(DEFAULT_WAIT).until(() -> given().auth().oauth2(Tokens.inspector())
                .queryParam("reportId", reportId).when().get(ESCALATIONS).then().statusCode(200).extract()
                .jsonPath().getList("").size() == 1);
        String id = given().auth().oauth2(Tokens.inspector()).queryParam("reportId", reportId)
                .when().get(ESCALATIONS).then().extract().path("[0].id");
        return given().auth().oauth2(Tokens.inspector()).when().get(ESCALATION, id)
                .then().statusCode(200).body("id", equalTo(id)).extract().jsonPath();
    }
}
