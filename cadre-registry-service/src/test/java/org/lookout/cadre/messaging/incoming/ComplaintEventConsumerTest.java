package org.lookout.cadre.messaging.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.GoldenComplaintEvents;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.outbox.DeadLetterHandler;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Replays the golden complaint event on the real topic and looks at the supervision records through the API. */
@QuarkusTest
@CadreTestResources
class ComplaintEventConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final String DLQ = "lookout.cadre-registry-service.dlq";

    @Test
    void aReportAboutAnOfficialBecomesOneRecordEvenWhenDeliveredTwiceAndIsAnnounced() {
        CloudEvent event = GoldenComplaintEvents.submittedAboutAnOfficial();
        String reportId = GoldenComplaintEvents.reportId(event);

        GoldenComplaintEvents.send(event);
        GoldenComplaintEvents.send(event);
        // a later record of the same report (same partition) is read after both copies
        CloudEvent later = GoldenComplaintEvents.submitted();
        CloudEvent marker = new CloudEvent(later.id(), later.source(), later.type(), event.subject(), later.time(),
                later.data());
        GoldenComplaintEvents.send(marker);
        awaitProcessed(marker.id());

        JsonPath records = Cadre.reading(Cadre.inspector()).get("/api/cadres/supervision").then().statusCode(200)
                .extract().jsonPath();
        assertThat(records.getList("findAll { it.reportId == '" + reportId + "' }")).hasSize(1);
        Map<String, Object> record = records.getMap("find { it.reportId == '" + reportId + "' }");
        assertThat(record).containsEntry("trackingNumber", event.data().get("trackingNumber").asText())
                .containsEntry("communityCode", "DCY")
                .containsEntry("status", "RECEIVED")
                .containsEntry("source", "REPORT")
                .containsEntry("realName", true)
                .containsKeys("id", "receivedAt")
                .doesNotContainKeys("reporterRef", "reporter", "trackingCode");
        assertThat(Cadre.DATABASE.number("select count(*) from supervision_record where report_id = ?::uuid", reportId))
                .isEqualTo(1);
        assertThat(Cadre.DATABASE.strings("select reporter_ref from supervision_record where report_id = ?::uuid",
                reportId)).containsExactly(event.data().path("reporterRef").asText());

        ConsumerRecord<String, String> recorded = TopicProbe.awaitRecord(Topics.CADRE,
                r -> record.get("id").equals(r.key()));
        CloudEvent announced = CloudEventKafka.fromRecord(recorded);
        assertThat(announced.type()).isEqualTo(EventType.CADRE_SUPERVISION_RECORDED.type());
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_SUPERVISION_RECORDED, announced.data());
        assertThat(announced.data().path("reportId").asText()).isEqualTo(reportId);
        assertThat(recorded.value()).doesNotContain(event.data().path("reporterRef").asText());
        assertThat(Cadre.DATABASE.outboxEvents(record.get("id").toString(),
                EventType.CADRE_SUPERVISION_RECORDED.type())).isEqualTo(1);
    }

    @Test
    void aReportAboutCorridorLightingIsConsumedAndMakesNoRecord() {
        CloudEvent event = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.send(event);

        awaitProcessed(event.id());
        assertThat(Cadre.DATABASE.number("select count(*) from supervision_record where report_id = ?::uuid",
                GoldenComplaintEvents.reportId(event))).isZero();
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextIsRead() {
        CloudEvent next = GoldenComplaintEvents.submittedAboutAnOfficial();
        String key = next.subject();

        TopicProbe.send(Topics.COMPLAINT, key, Map.of("ce_specversion", "1.0"), "{\"not\":\"an event\"}");
        GoldenComplaintEvents.send(next);

        awaitProcessed(next.id());
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, record -> key.equals(record.key()));
        assertThat(dead.value()).isEqualTo("{\"not\":\"an event\"}");
        assertThat(dead.headers().toArray()).extracting(Header::key).as("decided headers only")
                .isSubsetOf(DeadLetterHandler.HEADERS);
        assertThat(TopicProbe.header(dead, DeadLetterHandler.CODE)).contains("malformed");
    }

    private static void awaitProcessed(String eventId) {
        await("event " + eventId + " processed").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> Cadre.DATABASE.number("select count(*) from processed_event where event_id = ?", eventId) == 1);
    }
}
