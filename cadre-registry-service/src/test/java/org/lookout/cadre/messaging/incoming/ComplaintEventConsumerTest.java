package org.lookout.cadre.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.GoldenComplaintEvents;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Replays the golden complaint event on the real topic and looks at the tip-offs through the API. */
@QuarkusTest
@CadreTestResources
class ComplaintEventConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final String DLQ = "lookout.cadre-registry-service.dlq";
    private static final String DATABASE = "cadre_registry";

    @Test
    void aReportAboutAnOfficialBecomesOneTipOffEvenWhenDeliveredTwice() {
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

        JsonPath tipOffs = tipOffs();
        assertThat(tipOffs.getList("findAll { it.reportId == '" + reportId + "' }")).hasSize(1);
        Map<String, Object> tipOff = tipOffs.getMap("find { it.reportId == '" + reportId + "' }");
        assertThat(tipOff).containsEntry("trackingNumber", event.data().get("trackingNumber").asText())
                .containsEntry("communityCode", "DCY")
                .containsEntry("status", "RECEIVED")
                .containsKeys("id", "receivedAt")
                .doesNotContainKeys("reporterRef", "reporter");
        assertThat(count("select count(*) from tip_off where report_id = ?::uuid", reportId)).isEqualTo(1);
    }

    @Test
    void aReportAboutCorridorLightingIsConsumedAndMakesNoTipOff() {
        CloudEvent event = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.send(event);

        awaitProcessed(event.id());
        assertThat(count("select count(*) from tip_off where report_id = ?::uuid", GoldenComplaintEvents.reportId(event)))
                .isZero();
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
    }

    private static void awaitProcessed(String eventId) {
        await("event " + eventId + " processed").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from processed_event where event_id = ?", eventId) == 1);
    }

    private static JsonPath tipOffs() {
        return given().auth().oauth2(Tokens.inspector())
                .when().get("/api/cadres/tip-offs")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static long count(String query, String parameter) {
        return ServiceDatabase.of(DATABASE).number(query, parameter);
    }
}
