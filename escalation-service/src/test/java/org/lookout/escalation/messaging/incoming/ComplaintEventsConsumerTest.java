package org.lookout.escalation.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.outbox.DeadLetterHandler;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Replays the golden complaint event on the real topic and watches the report's clocks through the API. */
@QuarkusTest
@EscalationTestResources
class ComplaintEventsConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String DEFAULT_COMMUNITY = "DCY";
    private static final String DLQ = "lookout.escalation-service.dlq";
    private static final EventType SCHEDULED = EventType.ESCALATION_SLA_SCHEDULED;
    // a report's life, each event at its time (the golden report was received Fri 2026-02-13 17:30 Shanghai)
    private static final Map<EventType, Instant> LIFE = lifeInOrder();

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
    void aStartedClockIsAnnouncedAsTheGoldenSlaScheduledSample() {
        CloudEvent event = GoldenComplaintEvents.submitted();
        String reportId = GoldenComplaintEvents.reportId(event);

        GoldenComplaintEvents.send(event);

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.ESCALATION,
                published -> reportId.equals(published.key())
                        && SCHEDULED.type().equals(TopicProbe.header(published, CloudEventKafka.TYPE).orElse(null)),
                DEFAULT_WAIT);
        // the golden sample, but for the report id: same attributes and data (references only), valid by its schema
        JsonNode sample = EventJson.readResource(SCHEDULED.sampleResource());
        CloudEvent announced = CloudEventKafka.fromRecord(record);
        assertThat(announced.source()).isEqualTo(sample.get("source").asText());
        assertThat(announced.subject()).isEqualTo(reportId);
        assertThat(announced.time()).isEqualTo(Instant.parse(sample.get("time").asText()));
        ObjectNode expected = ((ObjectNode) sample.get("data")).deepCopy();
        expected.put("reportId", reportId);
        assertThat(announced.data()).isEqualTo(expected);
        ContractAssertions.assertValidAgainstSchema(SCHEDULED, announced.data());
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
        for (ConsumerRecord<String, String> record : parked) {
            assertThat(record.headers().toArray()).extracting(Header::key).as("decided headers only")
                    .isSubsetOf(DeadLetterHandler.HEADERS);
            assertThat(TopicProbe.header(record, DeadLetterHandler.CODE)).contains("malformed");
        }
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

    /**
     * Two reports live the same life up to an event of {@code type}; one gets that event once, the other twice (the
     * same event id, as a redelivery). Afterwards their clocks and the SLA events they caused are the same.
     */
    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "COMPLAINT_SUBMITTED", "COMPLAINT_ACCEPTED", "COMPLAINT_RESPONDED",
            "COMPLAINT_RESOLVED", "COMPLAINT_REOPENED", "COMPLAINT_REJECTED", "COMPLAINT_CLOSED", "COMPLAINT_PAUSED",
            "COMPLAINT_RESUMED" })
    void eachEventTypeDeliveredTwiceHasTheEffectOfOnce(EventType type) {
        CloudEvent once = GoldenComplaintEvents.submitted();
        CloudEvent twice = GoldenComplaintEvents.submitted();
        List<CloudEvent> twiceLife = lifeUpTo(type, twice);
        CloudEvent repeated = twiceLife.getLast();
        twiceLife.add(repeated);

        CloudEvent onceMarker = liveAndMark(lifeUpTo(type, once), once);
        CloudEvent twiceMarker = liveAndMark(twiceLife, twice);

        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER,
                onceMarker.id()) && EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, twiceMarker.id()));
        assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = ?", repeated.id()))
                .isEqualTo(1);
        assertThat(clocksWithoutReportId(twice)).isEqualTo(clocksWithoutReportId(once));
        assertThat(slaEvents(once)).isNotEmpty();
        assertThat(slaEvents(twice)).isEqualTo(slaEvents(once));
    }

    /** The report's events from its submission through the first of {@code type}, each at its time in its life. */
    private static List<CloudEvent> lifeUpTo(EventType type, CloudEvent submitted) {
        List<CloudEvent> life = new ArrayList<>(List.of(submitted));
        if (type == EventType.COMPLAINT_REJECTED) {
            life.add(GoldenComplaintEvents.lifecycle(type, submitted, LIFE.get(EventType.COMPLAINT_ACCEPTED)));
            return life;
        }
        for (Map.Entry<EventType, Instant> step : LIFE.entrySet()) {
            if (life.getLast().type().equals(type.type())) {
                break;
            }
            life.add(GoldenComplaintEvents.lifecycle(step.getKey(), submitted, step.getValue()));
        }
        return life;
    }

    private static Map<EventType, Instant> lifeInOrder() {
        Map<EventType, Instant> life = new LinkedHashMap<>();
        life.put(EventType.COMPLAINT_ACCEPTED, Instant.parse("2026-02-13T10:00:00Z"));
        life.put(EventType.COMPLAINT_PAUSED, Instant.parse("2026-02-14T02:00:00Z"));
        life.put(EventType.COMPLAINT_RESUMED, Instant.parse("2026-02-25T02:00:00Z"));
        life.put(EventType.COMPLAINT_RESPONDED, Instant.parse("2026-02-25T03:00:00Z"));
        life.put(EventType.COMPLAINT_RESOLVED, Instant.parse("2026-02-25T04:00:00Z"));
        life.put(EventType.COMPLAINT_REOPENED, Instant.parse("2026-02-25T05:00:00Z"));
        life.put(EventType.COMPLAINT_CLOSED, Instant.parse("2026-02-25T06:00:00Z"));
        return life;
    }

    /** Sends the events in order, then a marker (the report announced again, which changes nothing); answers it. */
    private static CloudEvent liveAndMark(List<CloudEvent> events, CloudEvent submitted) {
        CloudEvent marker = GoldenComplaintEvents.sameReport(submitted);
        events.forEach(GoldenComplaintEvents::send);
        GoldenComplaintEvents.send(marker);
        return marker;
    }

    private static List<Map<String, Object>> clocksWithoutReportId(CloudEvent submitted) {
        List<Map<String, Object>> clocks = new ArrayList<>();
        for (Map<String, Object> clock : awaitClocks(submitted.subject()).<Map<String, Object>>getList("")) {
            Map<String, Object> copy = new LinkedHashMap<>(clock);
            copy.remove("reportId");
            clocks.add(copy);
        }
        return clocks;
    }

    /** The report's SLA events in the outbox, in order: type, clock kind, reason, due time. */
    private static List<String> slaEvents(CloudEvent submitted) {
        return EscalationDatabase.strings("select concat_ws(' ', event_type, payload::jsonb ->> 'clockKind',"
                + " payload::jsonb ->> 'reason', payload::jsonb ->> 'dueAt') from outbox_event"
                + " where partition_key = ? order by position", submitted.subject());
    }

    static JsonPath awaitClocks(String reportId) {
        return await().atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY))
                        .when().get("/api/escalations/reports/{id}/clocks", reportId)
                        .then().extract(), response -> response.statusCode() == 200)
                .jsonPath();
    }
}
