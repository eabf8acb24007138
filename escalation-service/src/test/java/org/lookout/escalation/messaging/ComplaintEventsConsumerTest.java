package org.lookout.escalation.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.service.SlaClockService;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Replays the golden complaint event on the real topic and watches the report's clocks through the API. */
@QuarkusTest
@EscalationTestResources
class ComplaintEventsConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String DEFAULT_COMMUNITY = "DCY";
    private static final String DLQ = "lookout.escalation-service.dlq";

    @Test
    void aSubmittedReportStartsItsResponseClockDueByTheWorkingDayRule() {
        // the golden sample: received Friday 2026-02-13 17:30 in Shanghai
        CloudEvent event = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.send(event);

        JsonPath clocks = awaitClocks(GoldenComplaintEvents.reportId(event));
        assertThat(clocks.getList("")).hasSize(1);
        assertThat(clocks.getString("[0].reportId")).isEqualTo(GoldenComplaintEvents.reportId(event));
        assertThat(clocks.getString("[0].kind")).isEqualTo("RESPONSE");
        assertThat(clocks.getString("[0].state")).isEqualTo("RUNNING");
        assertThat(clocks.getString("[0].startedAt")).isEqualTo("2026-02-13T09:30:00Z");
        // due at the end of the Saturday make-up day, 24:00 Shanghai = 16:00 UTC
        assertThat(clocks.getString("[0].dueAt")).isEqualTo("2026-02-14T16:00:00Z");
        assertThat(clocks.getString("[0].warnAt")).isEqualTo("2026-02-14T10:00:00Z");
        assertThat(clocks.getBoolean("[0].provisional")).isFalse();
    }

    @Test
    void aReportReceivedOnTheMakeUpSaturdayIsDueAfterTheSpringFestival() {
        CloudEvent event = GoldenComplaintEvents.submitted(DEFAULT_COMMUNITY, Instant.parse("2026-02-14T02:00:00Z"));

        GoldenComplaintEvents.send(event);

        assertThat(awaitClocks(GoldenComplaintEvents.reportId(event)).getString("[0].dueAt"))
                .isEqualTo("2026-02-24T16:00:00Z");
    }

    @Test
    void aReportReceivedInAYearWithoutNoticeGetsAProvisionalClock() {
        CloudEvent event = GoldenComplaintEvents.submitted(DEFAULT_COMMUNITY, Instant.parse("2028-03-01T02:00:00Z"));

        GoldenComplaintEvents.send(event);

        JsonPath clocks = awaitClocks(GoldenComplaintEvents.reportId(event));
        assertThat(clocks.getString("[0].dueAt")).isEqualTo("2028-03-02T16:00:00Z");
        assertThat(clocks.getBoolean("[0].provisional")).isTrue();
    }

    @Test
    void theSameEventTwiceStartsOneClock() {
        CloudEvent event = GoldenComplaintEvents.submitted();
        // a later event of the same report (same partition) proves both copies were read before we count
        CloudEvent marker = GoldenComplaintEvents.sameReport(event);

        GoldenComplaintEvents.send(event);
        GoldenComplaintEvents.send(event);
        GoldenComplaintEvents.send(marker);

        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, marker.id()));
        assertThat(awaitClocks(GoldenComplaintEvents.reportId(event)).getList("")).hasSize(1);
        assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = ?", event.id()))
                .isEqualTo(1);
        assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ?",
                UUID.fromString(GoldenComplaintEvents.reportId(event)))).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() {
        CloudEvent good = GoldenComplaintEvents.submitted();
        String key = good.subject();
        // same key, so the same partition: the good record is read after the malformed ones
        TopicProbe.send(Topics.COMPLAINT, key, Map.of(), "{\"no\":\"headers\"}");
        Map<String, String> headers = CloudEventKafka.headers(GoldenComplaintEvents.submitted());
        TopicProbe.send(Topics.COMPLAINT, key, headers, "this is not json");

        GoldenComplaintEvents.send(good);

        assertThat(awaitClocks(key).getList("")).hasSize(1);
        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecordsWithKey(DLQ, key, 2, DEFAULT_WAIT);
        assertThat(parked).extracting(ConsumerRecord::value).containsExactly("{\"no\":\"headers\"}", "this is not json");
        assertThat(TopicProbe.header(parked.getFirst(), "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("ce_specversion"));
    }

    @Test
    void eventsOfOtherTypesAreSkipped() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        CloudEvent other = new CloudEvent(UUID.randomUUID().toString(), submitted.source(), "lookout.complaint.assigned.v1",
                submitted.subject(), submitted.time(), submitted.data());
        CloudEvent marker = GoldenComplaintEvents.sameReport(submitted);

        GoldenComplaintEvents.send(other);
        GoldenComplaintEvents.send(marker);

        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, marker.id()));
        assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = ?", other.id()))
                .isZero();
        assertThat(awaitClocks(submitted.subject()).getList("")).hasSize(1);
    }

    static JsonPath awaitClocks(String reportId) {
        return await().atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY))
                        .when().get("/api/escalations/reports/{id}/clocks", reportId)
                        .then().extract(), response -> response.statusCode() == 200)
                .jsonPath();
    }
}
