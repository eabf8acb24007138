package org.lookout.escalation.clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Clocks paused while staff wait for the reporter: they neither warn nor breach, and resume with warning and due time
 * moved later by the working days whose 24:00 passed during the pause, announced as sla-scheduled RESUMED.
 */
@QuarkusTest
@EscalationTestResources
class ClockPauseTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String RESPONSE = "RESPONSE";
    private static final String RESOLUTION = "RESOLUTION";
    private static final EventType SCHEDULED = EventType.ESCALATION_SLA_SCHEDULED;

    @Inject
    SlaSweeps sweeps;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aPauseAcrossTheSpringFestivalMovesTheDeadlinesByTheWorkingDaysItSpanned() throws Throwable {
        // noise, received and accepted Thu 2026-02-12 10:00 Shanghai: response due end of Fri 13, resolution (5 working
        // days: Fri 13, Sat 14, Tue 24, Wed 25, Thu 26) due end of Thu 26 February
        Instant acceptedAt = Instant.parse("2026-02-12T02:00:00Z");
        CloudEvent submitted = noiseReport(acceptedAt);
        String reportId = GoldenComplaintEvents.reportId(submitted);
        // paused Fri 13 10:00, resumed Wed 25 10:00: the 24:00 of Fri 13, Sat 14 (make-up day) and Tue 24 passed
        Instant pausedAt = Instant.parse("2026-02-13T02:00:00Z");
        Instant resumedAt = Instant.parse("2026-02-25T02:00:00Z");
        GoldenComplaintEvents.applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, acceptedAt),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted, pausedAt));

        JsonPath paused = EscalationFixtures.clocks(reportId);
        assertThat(EscalationFixtures.clockField(paused, RESPONSE, "state")).isEqualTo("PAUSED");
        assertThat(EscalationFixtures.clockField(paused, RESOLUTION, "state")).isEqualTo("PAUSED");
        assertThat(EscalationFixtures.clockField(paused, RESOLUTION, "pausedAt")).isEqualTo(pausedAt.toString());
        // past the response clock's first deadline, in the break: a paused clock neither warns nor breaches
        sweeps.at(Instant.parse("2026-02-20T00:00:00Z"));
        assertThat(alerts(reportId)).isZero();

        GoldenComplaintEvents.applied(GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESUMED, submitted, resumedAt));

        JsonPath resumed = EscalationFixtures.clocks(reportId);
        assertThat(EscalationFixtures.clockField(resumed, RESOLUTION, "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(resumed, RESOLUTION, "pausedAt")).isNull();
        assertThat(EscalationFixtures.clockField(resumed, RESOLUTION, "startedAt")).isEqualTo(acceptedAt.toString());
        // Wed 25, Thu 26, Fri 27, Sat 28 (make-up day), Mon 2 March; warning at 75 %: Sat 28 February 18:00
        assertThat(EscalationFixtures.clockField(resumed, RESOLUTION, "dueAt")).isEqualTo("2026-03-02T16:00:00Z");
        assertThat(EscalationFixtures.clockField(resumed, RESOLUTION, "warnAt")).isEqualTo("2026-02-28T10:00:00Z");
        // end of Fri 13 plus three working days: Sat 14, Tue 24, Wed 25; its warning from Fri 18:00 to Wed 18:00
        assertThat(EscalationFixtures.clockField(resumed, RESPONSE, "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(resumed, RESPONSE, "dueAt")).isEqualTo("2026-02-25T16:00:00Z");
        assertThat(EscalationFixtures.clockField(resumed, RESPONSE, "warnAt")).isEqualTo("2026-02-25T10:00:00Z");

        List<ConsumerRecord<String, String>> announced = TopicProbe.readUntil(Topics.ESCALATION,
                read -> resumptions(read, reportId).size() >= 2, DEFAULT_WAIT);
        for (ConsumerRecord<String, String> record : resumptions(announced, reportId)) {
            CloudEvent event = CloudEventKafka.fromRecord(record);
            ContractAssertions.assertMatchesGoldenSample(SCHEDULED, event.data());
            assertThat(event.time()).isEqualTo(resumedAt);
            String kind = event.data().get("clockKind").asText();
            assertThat(event.data().get("dueAt").asText()).isEqualTo(EscalationFixtures.clockField(resumed, kind, "dueAt"));
            assertThat(event.data().get("startedAt").asText()).isEqualTo(EscalationFixtures.clockField(resumed, kind, "startedAt"));
            assertThat(event.data().get("provisional").asBoolean()).isFalse();
        }

        // the resolution clock's first deadline passes quietly; it warns and breaches at the moved points
        sweeps.at(Instant.parse("2026-02-26T16:00:00Z"));
        assertThat(alerts(reportId, RESOLUTION)).isZero();
        sweeps.at(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(reportId), RESOLUTION, "warnedAt")).isEqualTo("2026-02-28T10:00:00Z");
        sweeps.at(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(reportId), RESOLUTION, "breachedAt")).isEqualTo("2026-03-02T16:00:00Z");
        assertThat(alerts(reportId, RESOLUTION)).isEqualTo(2);
    }

    @Test
    void aPauseWithinOneDayMovesNothingButTheResumptionIsAnnounced() {
        // received Mon 2026-03-02 10:00 Shanghai: due end of Tue 3 March; paused and resumed on Tuesday
        CloudEvent submitted = GoldenComplaintEvents.submitted("DCY", Instant.parse("2026-03-02T02:00:00Z"));
        String reportId = GoldenComplaintEvents.reportId(submitted);

        GoldenComplaintEvents.applied(submitted,
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted,
                        Instant.parse("2026-03-03T01:00:00Z")),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESUMED, submitted,
                        Instant.parse("2026-03-03T08:00:00Z")));

        JsonPath clocks = EscalationFixtures.clocks(reportId);
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "dueAt")).isEqualTo("2026-03-03T16:00:00Z");
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "warnAt")).isEqualTo("2026-03-03T10:00:00Z");
        assertThat(reasons(reportId)).containsExactly("STARTED", "RESUMED");
    }

    @Test
    void pausesAddUpAndASecondPauseOrResumeChangesNothing() {
        // received Fri 2026-03-06 10:00 Shanghai: due end of Mon 9 March
        CloudEvent submitted = GoldenComplaintEvents.submitted("DCY", Instant.parse("2026-03-06T02:00:00Z"));
        String reportId = GoldenComplaintEvents.reportId(submitted);
        // paused Mon 9 10:00; paused again (a new event) Tue 10 10:00, which keeps the first pause; resumed Wed 11
        // 10:00: the 24:00 of Mon 9 and Tue 10 passed, so due end of Wed 11
        GoldenComplaintEvents.applied(submitted,
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted,
                        Instant.parse("2026-03-09T02:00:00Z")),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted,
                        Instant.parse("2026-03-10T02:00:00Z")),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESUMED, submitted,
                        Instant.parse("2026-03-11T02:00:00Z")));
        assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(reportId), RESPONSE, "dueAt")).isEqualTo("2026-03-11T16:00:00Z");

        // a resumption without a pause (a new event) changes nothing; a second pause over the weekend adds Fri 13
        GoldenComplaintEvents.applied(GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESUMED, submitted,
                        Instant.parse("2026-03-11T04:00:00Z")),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted,
                        Instant.parse("2026-03-11T09:00:00Z")),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESUMED, submitted,
                        Instant.parse("2026-03-16T01:00:00Z")));

        // Wed 11 17:00 to Mon 16 09:00 Shanghai: the 24:00 of Wed 11, Thu 12 and Fri 13 passed
        JsonPath clocks = EscalationFixtures.clocks(reportId);
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "dueAt")).isEqualTo("2026-03-16T16:00:00Z");
        assertThat(reasons(reportId)).containsExactly("STARTED", "RESUMED", "RESUMED");
    }

    @Test
    void aClockStoppedWhilePausedIsJudgedByTheDeadlineItsPauseMovedAndIsNotResumed() {
        // received Fri 2026-03-06 10:00 Shanghai: due end of Mon 9 March; paused Mon 9 10:00, responded Wed 11 10:00
        CloudEvent submitted = GoldenComplaintEvents.submitted("DCY", Instant.parse("2026-03-06T02:00:00Z"));
        String reportId = GoldenComplaintEvents.reportId(submitted);
        Instant respondedAt = Instant.parse("2026-03-11T02:00:00Z");

        GoldenComplaintEvents.applied(submitted,
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted,
                        Instant.parse("2026-03-09T02:00:00Z")),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted, respondedAt),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESUMED, submitted, respondedAt.plusSeconds(60)));

        JsonPath clocks = EscalationFixtures.clocks(reportId);
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "state")).isEqualTo("STOPPED");
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "stoppedAt")).isEqualTo(respondedAt.toString());
        // Mon 9 and Tue 10 given back: due end of Wed 11, so the response was in time
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "dueAt")).isEqualTo("2026-03-11T16:00:00Z");
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "met")).isEqualTo("true");
        assertThat(EscalationFixtures.clockField(clocks, RESPONSE, "pausedAt")).isNull();
        assertThat(reasons(reportId)).containsExactly("STARTED");
    }

    /** The golden report with item noise (5 working days), received at {@code receivedAt}. */
    private static CloudEvent noiseReport(Instant receivedAt) {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("itemCode", "noise")
                .put("receivedAt", receivedAt.toString()));
    }

    private static List<ConsumerRecord<String, String>> resumptions(List<ConsumerRecord<String, String>> read,
            String reportId) {
        return read.stream()
                .filter(record -> reportId.equals(record.key()))
                .filter(record -> TopicProbe.header(record, CloudEventKafka.TYPE).orElseThrow()
                        .equals(SCHEDULED.type()))
                .filter(record -> CloudEventKafka.fromRecord(record).data().get("reason").asText().equals("RESUMED"))
                .toList();
    }

    /** The warnings and breaches of the report's clocks in the outbox. */
    private static long alerts(String reportId) {
        return EscalationDatabase.number("select count(*) from outbox_event where partition_key = ?"
                + " and event_type in (?, ?)", reportId, EventType.ESCALATION_SLA_WARNED.type(),
                EventType.ESCALATION_SLA_BREACHED.type());
    }

    private static long alerts(String reportId, String kind) {
        return EscalationDatabase.number("select count(*) from outbox_event where partition_key = ?"
                + " and event_type in (?, ?) and payload::jsonb ->> 'clockKind' = ?", reportId,
                EventType.ESCALATION_SLA_WARNED.type(), EventType.ESCALATION_SLA_BREACHED.type(), kind);
    }

    /** The reasons of the report's sla-scheduled events in the outbox, in order. */
    private static List<String> reasons(String reportId) {
        return EscalationDatabase.strings("select payload::jsonb ->> 'reason' from outbox_event"
                + " where partition_key = ? and event_type = ? order by position", reportId, SCHEDULED.type());
    }
}
