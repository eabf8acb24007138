package org.lookout.escalation.clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Transitions of a clock through the real topic and the real sweep, with the state, due time and SLA events that follow:
 * a few rows of the whole table, which {@code domain.SlaClockTest} checks row by row without Kafka or a database. Then
 * deadlines across year ends (one into 2027, which has no notice) and the Spring Festival, warned at 75 % and breached
 * at 100 % exactly once, also with two sweeps racing as two instances would.
 */
@QuarkusTest
@EscalationTestResources
class ClockTransitionsTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String NONE = "NONE";
    private static final String RESPONSE = "RESPONSE";
    // the golden report: corridor-lighting (3 working days), received Fri 2026-02-13 17:30 Shanghai; accepted 18:00
    private static final Instant ACCEPTED_AT = Instant.parse("2026-02-13T10:00:00Z");
    // Sat 2026-02-14 10:00 Shanghai, a make-up working day: when a clock is paused, stopped or cancelled to set it up
    private static final Instant SET_UP_AT = Instant.parse("2026-02-14T02:00:00Z");
    private static final Map<String, Timeline> TIMELINES = Map.of(
            // 1 working day: the Saturday make-up day; the step comes at Sun 01:00 Shanghai
            RESPONSE, new Timeline(Instant.parse("2026-02-14T10:00:00Z"), Instant.parse("2026-02-14T16:00:00Z")),
            // 3 working days: Sat 14, then after the Spring Festival Tue 24 and Wed 25; the step comes at Thu 01:00
            "RESOLUTION", new Timeline(Instant.parse("2026-02-24T22:00:00Z"), Instant.parse("2026-02-25T16:00:00Z")));

    /** A clock's warning point and deadline as started; a step's event comes an hour after the deadline. */
    private record Timeline(Instant warnAt, Instant dueAt) {

        Instant stepAt() {
            return dueAt.plus(Duration.ofHours(1));
        }
    }

    /** What happens to the report: one of its events, or the sweep at the clock's warning point or deadline. */
    enum Step {
        SUBMITTED(EventType.COMPLAINT_SUBMITTED),
        ACCEPTED(EventType.COMPLAINT_ACCEPTED),
        RESPONDED(EventType.COMPLAINT_RESPONDED),
        RESOLVED(EventType.COMPLAINT_RESOLVED),
        REOPENED(EventType.COMPLAINT_REOPENED),
        REJECTED(EventType.COMPLAINT_REJECTED),
        CLOSED(EventType.COMPLAINT_CLOSED),
        PAUSED(EventType.COMPLAINT_PAUSED),
        RESUMED(EventType.COMPLAINT_RESUMED),
        WARN(null),
        BREACH(null);

        final EventType type;

        Step(EventType type) {
            this.type = type;
        }
    }

    @Inject
    SlaScheduler scheduler;

    @Inject
    SlaSweeps sweeps;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /**
     * Rows of {@code SlaClockTest}'s table. {@code published}: the SLA event of this clock the step wrote to the outbox (STARTED, RESTARTED, RESUMED for
     * sla-scheduled; WARNED; BREACHED), or none. {@code dueAt}: the clock's due time afterwards. A paused clock that
     * stops or resumes at the step has its due time moved by the working days whose 24:00 passed while it was paused.
     */
    @ParameterizedTest(name = "{0} {1} + {2} → {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind     | from      | step      | to        | published | dueAt
            RESPONSE   | NONE      | SUBMITTED | RUNNING   | STARTED   | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | RESPONDED | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | BREACH    | BREACHED  | BREACHED  | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | RESUMED   | RUNNING   | RESUMED   | 2026-02-24T16:00:00Z
            RESPONSE   | PAUSED    | BREACH    | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | REOPENED  | RUNNING   | RESTARTED | 2026-02-24T16:00:00Z
            RESOLUTION | NONE      | ACCEPTED  | RUNNING   | STARTED   | 2026-03-02T16:00:00Z
            RESOLUTION | RUNNING   | WARN      | RUNNING   | WARNED    | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | RESOLVED  | STOPPED   |           | 2026-02-28T16:00:00Z
            RESOLUTION | BREACHED  | CLOSED    | BREACHED  |           | 2026-02-25T16:00:00Z
            """)
    void transitionsThroughTheTopic(String kind, String from, Step step, String to, String published, Instant dueAt)
            throws Throwable {
        Timeline timeline = TIMELINES.get(kind);
        CloudEvent submitted = reportWithClock(kind, from, timeline);
        String reportId = GoldenComplaintEvents.reportId(submitted);
        assertThat(state(reportId, kind)).as("set up").isEqualTo(from);
        List<String> before = slaEvents(reportId, kind);

        take(step, kind, from, submitted, timeline);

        assertThat(state(reportId, kind)).isEqualTo(to);
        List<String> after = slaEvents(reportId, kind);
        assertThat(after.subList(before.size(), after.size()))
                .isEqualTo(published == null ? List.of() : List.of(published));
        assertThat(clockField(reportId, kind, "dueAt")).isEqualTo(dueAt == null ? null : dueAt.toString());
    }

    @ParameterizedTest(name = "{0} from {1}, {2} working days: warn {3}, due {4}, provisional {5}")
    @CsvSource({
            // New Year's Eve 2025: 1-3 January 2026 off, Sunday 4 January a make-up day
            "RESPONSE,   2025-12-31T09:00:00Z, 1, 2026-01-04T10:00:00Z, 2026-01-04T16:00:00Z, false",
            "RESOLUTION, 2025-12-31T09:00:00Z, 5, 2026-01-07T10:00:00Z, 2026-01-08T16:00:00Z, false",
            // Thu 2026-12-31, the last working day of 2026: 2027 has no loaded notice, plain Monday-Friday, flagged
            "RESPONSE,   2026-12-31T02:00:00Z, 1, 2027-01-01T10:00:00Z, 2027-01-01T16:00:00Z, true",
            "RESOLUTION, 2026-12-31T02:00:00Z, 5, 2027-01-06T10:00:00Z, 2027-01-07T16:00:00Z, true",
            // the Spring Festival 2026: 15-23 February off, Saturdays 14 and 28 February make-up days
            "RESPONSE,   2026-02-14T02:00:00Z, 1, 2026-02-24T10:00:00Z, 2026-02-24T16:00:00Z, false",
            "RESOLUTION, 2026-02-13T02:00:00Z, 5, 2026-02-26T10:00:00Z, 2026-02-27T16:00:00Z, false",
    })
    void deadlinesAcrossYearEndsAndTheSpringFestivalWarnAndBreachOnce(String kind, Instant startedAt,
            int workingDays, Instant warnAt, Instant dueAt, boolean provisional) throws Throwable {
        // noise: 5 working days to resolve
        CloudEvent submitted = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("itemCode", "noise")
                .put("receivedAt", startedAt.toString()));
        String reportId = GoldenComplaintEvents.reportId(submitted);
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, startedAt);
        if (RESPONSE.equals(kind)) {
            GoldenComplaintEvents.applied(submitted);
        } else {
            GoldenComplaintEvents.applied(submitted, accepted);
        }

        assertThat(clockField(reportId, kind, "workingDays")).isEqualTo(String.valueOf(workingDays));
        assertThat(clockField(reportId, kind, "warnAt")).isEqualTo(warnAt.toString());
        assertThat(clockField(reportId, kind, "dueAt")).isEqualTo(dueAt.toString());
        assertThat(clockField(reportId, kind, "provisional")).isEqualTo(String.valueOf(provisional));
        JsonNode scheduled = EventJson.read(EscalationDatabase.strings("select payload from outbox_event"
                + " where partition_key = ? and event_type = ? and payload::jsonb ->> 'clockKind' = ?", reportId,
                EventType.ESCALATION_SLA_SCHEDULED.type(), kind).getFirst());
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_SLA_SCHEDULED, scheduled);
        assertThat(scheduled.get("reason").asText()).isEqualTo("STARTED");
        assertThat(scheduled.get("startedAt").asText()).isEqualTo(startedAt.toString());
        assertThat(scheduled.get("dueAt").asText()).isEqualTo(dueAt.toString());
        assertThat(scheduled.get("provisional").asBoolean()).isEqualTo(provisional);

        sweeps.at(warnAt.minusSeconds(1));
        assertThat(slaEvents(reportId, kind)).containsExactly("STARTED");
        sweeps.at(warnAt);
        sweeps.at(dueAt.minusSeconds(1));
        assertThat(slaEvents(reportId, kind)).containsExactly("STARTED", "WARNED");
        sweeps.at(dueAt);
        sweeps.at(dueAt.plus(Duration.ofDays(1)));
        assertThat(slaEvents(reportId, kind)).containsExactly("STARTED", "WARNED", "BREACHED");
        assertThat(clockField(reportId, kind, "warnedAt")).isEqualTo(warnAt.toString());
        assertThat(clockField(reportId, kind, "breachedAt")).isEqualTo(dueAt.toString());
    }

    @Test
    void twoSweepsRacingWarnAndBreachEachClockOnce() throws Throwable {
        List<CloudEvent> reports = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reports.add(GoldenComplaintEvents.submitted());
        }
        GoldenComplaintEvents.applied(reports.toArray(CloudEvent[]::new));
        Timeline timeline = TIMELINES.get(RESPONSE);

        racingSweepsAt(timeline.warnAt());
        racingSweepsAt(timeline.dueAt());

        for (CloudEvent report : reports) {
            assertThat(slaEvents(GoldenComplaintEvents.reportId(report), RESPONSE))
                    .containsExactly("STARTED", "WARNED", "BREACHED");
        }
    }

    /** A new report whose clock of {@code kind} is in state {@code from}, reached by its events and the sweep. */
    private CloudEvent reportWithClock(String kind, String from, Timeline timeline) throws Throwable {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        boolean response = RESPONSE.equals(kind);
        if (response && NONE.equals(from)) {
            return submitted;
        }
        List<CloudEvent> events = new ArrayList<>(List.of(submitted));
        if (!response && !NONE.equals(from)) {
            events.add(GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT));
        }
        switch (from) {
            case "PAUSED" -> events.add(
                    GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_PAUSED, submitted, SET_UP_AT));
            case "STOPPED" -> events.add(GoldenComplaintEvents.lifecycle(
                    response ? EventType.COMPLAINT_RESPONDED : EventType.COMPLAINT_RESOLVED, submitted, SET_UP_AT));
            case "CANCELLED" -> events.add(
                    GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REJECTED, submitted, SET_UP_AT));
            default -> {
                // RUNNING, BREACHED and NONE need no further event
            }
        }
        GoldenComplaintEvents.applied(events.toArray(CloudEvent[]::new));
        if ("BREACHED".equals(from)) {
            sweeps.at(timeline.dueAt());
        }
        return submitted;
    }

    private void take(Step step, String kind, String from, CloudEvent submitted, Timeline timeline) throws Throwable {
        switch (step) {
            case WARN -> sweeps.at(timeline.warnAt());
            case BREACH -> sweeps.at(timeline.dueAt());
            // the first announcement of the report, or the same report announced again under a new event id
            case SUBMITTED -> GoldenComplaintEvents.applied(RESPONSE.equals(kind) && NONE.equals(from) ? submitted
                    : GoldenComplaintEvents.sameReport(submitted));
            default -> GoldenComplaintEvents.applied(
                    GoldenComplaintEvents.lifecycle(step.type, submitted, timeline.stepAt()));
        }
    }

    /** Two sweeps at once on their own connections, as two instances would, then sweeps until nothing is left. */
    private void racingSweepsAt(Instant at) throws Throwable {
        clock.set(at);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<SlaScheduler.Sweep>> racing = List.of(racingSweep(start), racingSweep(start));
        start.countDown();
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        sweeps.at(at);
    }

    private CompletableFuture<SlaScheduler.Sweep> racingSweep(CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return VertxContextSupport.subscribeAndAwait(scheduler::sweep);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The SLA events of the report's clock of {@code kind} in the outbox, in order: the sla-scheduled reason, WARNED,
     * BREACHED.
     */
    private static List<String> slaEvents(String reportId, String kind) {
        return EscalationDatabase.strings("select case event_type when ? then payload::jsonb ->> 'reason'"
                + " when ? then 'WARNED' else 'BREACHED' end from outbox_event"
                + " where partition_key = ? and payload::jsonb ->> 'clockKind' = ? and event_type in (?, ?, ?)"
                + " order by position", EventType.ESCALATION_SLA_SCHEDULED.type(),
                EventType.ESCALATION_SLA_WARNED.type(), reportId, kind, EventType.ESCALATION_SLA_SCHEDULED.type(),
                EventType.ESCALATION_SLA_WARNED.type(), EventType.ESCALATION_SLA_BREACHED.type());
    }

    private static String state(String reportId, String kind) {
        String state = clockField(reportId, kind, "state");
        return state == null ? NONE : state;
    }

    /** A field of the report's clock of {@code kind} as the API shows it; null when there is no such clock. */
    private static String clockField(String reportId, String kind, String field) {
        ExtractableResponse<Response> response = given().auth().oauth2(Tokens.admin())
                .when().get("/api/escalations/reports/{id}/clocks", reportId)
                .then().extract();
        assertThat(response.statusCode()).as("clocks of %s", reportId).isIn(200, 404);
        if (response.statusCode() == 404) {
            return null;
        }
        Object value = response.jsonPath().get("find { it.kind == '" + kind + "' }." + field);
        return value == null ? null : value.toString();
    }
}
