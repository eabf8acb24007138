package org.lookout.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.escalation.domain.WorkingCalendarTest.SEEDED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.contracts.ClockKind;

/**
 * Every transition of a report's clock — its state (or none yet) × what can happen to it: each report event this
 * service consumes, the sweep at the clock's warning point and at its deadline — for both kinds of clock, with the state,
 * due time and SLA event that follow. Plain JUnit on the seeded calendar: {@link ReportClocks} and {@link SlaClock} are
 * what the consumer and the sweep call ({@code ClockTransitionsTest} runs a few of these rows through the topic).
 */
class SlaClockTest {

    private static final double WARNING_FRACTION = 0.75;
    private static final String NONE = "NONE";
    // the golden report: corridor-lighting (3 working days), received Fri 2026-02-13 17:30 Shanghai; accepted 18:00
    private static final ReportFacts REPORT = new ReportFacts(UUID.randomUUID(), "DCY", "corridor-lighting", false);
    private static final Instant RECEIVED_AT = Instant.parse("2026-02-13T09:30:00Z");
    private static final Instant ACCEPTED_AT = Instant.parse("2026-02-13T10:00:00Z");
    private static final int RESPONSE_DAYS = 1;
    private static final int RESOLUTION_DAYS = 3;
    // Sat 2026-02-14 10:00 Shanghai, a make-up working day: when a clock is paused, stopped or cancelled to set it up
    private static final Instant SET_UP_AT = Instant.parse("2026-02-14T02:00:00Z");
    private static final Map<ClockKind, Timeline> TIMELINES = Map.of(
            // 1 working day: the Saturday make-up day; the step comes at Sun 01:00 Shanghai
            ClockKind.RESPONSE, new Timeline(Instant.parse("2026-02-14T10:00:00Z"),
                    Instant.parse("2026-02-14T16:00:00Z")),
            // 3 working days: Sat 14, then after the Spring Festival Tue 24 and Wed 25; the step comes at Thu 01:00
            ClockKind.RESOLUTION, new Timeline(Instant.parse("2026-02-24T22:00:00Z"),
                    Instant.parse("2026-02-25T16:00:00Z")));

    /** A clock's warning point and deadline as started; a step's event comes an hour after the deadline. */
    private record Timeline(Instant warnAt, Instant dueAt) {

        Instant stepAt() {
            return dueAt.plus(Duration.ofHours(1));
        }
    }

    /** What happens to the report: one of its events, or the sweep at the clock's warning point or deadline. */
    /** RETURNED: the street returned the report with a new deadline of {@value #STREET_DAYS} working days (督办). */
    enum Step {
        SUBMITTED, ACCEPTED, RESPONDED, RESOLVED, REOPENED, REJECTED, CLOSED, PAUSED, RESUMED, WARN, BREACH, RETURNED
    }

    private static final int STREET_DAYS = 2;

    /**
     * {@code published}: the SLA event of this clock the step causes (STARTED, RESTARTED, RESUMED announce a due time;
     * WARNED; BREACHED), or none. {@code dueAt}: the clock's due time afterwards. A paused clock that stops or resumes
     * at the step has its due time moved by the working days whose 24:00 passed while it was paused.
     */
    @ParameterizedTest(name = "{0} {1} + {2} → {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # kind     | from      | step      | to        | published | dueAt
            RESPONSE   | NONE      | SUBMITTED | RUNNING   | STARTED   | 2026-02-14T16:00:00Z
            RESPONSE   | NONE      | ACCEPTED  | NONE      |           |
            RESPONSE   | NONE      | RESPONDED | NONE      |           |
            RESPONSE   | NONE      | RESOLVED  | NONE      |           |
            RESPONSE   | NONE      | REOPENED  | NONE      |           |
            RESPONSE   | NONE      | REJECTED  | NONE      |           |
            RESPONSE   | NONE      | CLOSED    | NONE      |           |
            RESPONSE   | NONE      | PAUSED    | NONE      |           |
            RESPONSE   | NONE      | RESUMED   | NONE      |           |
            RESPONSE   | NONE      | WARN      | NONE      |           |
            RESPONSE   | NONE      | BREACH    | NONE      |           |
            RESPONSE   | NONE      | RETURNED  | NONE      |           |
            RESPONSE   | RUNNING   | SUBMITTED | RUNNING   |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | ACCEPTED  | RUNNING   |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | RESPONDED | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | RESOLVED  | RUNNING   |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | REOPENED  | RUNNING   | RESTARTED | 2026-02-24T16:00:00Z
            RESPONSE   | RUNNING   | REJECTED  | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | CLOSED    | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | PAUSED    | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | RESUMED   | RUNNING   |           | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | WARN      | RUNNING   | WARNED    | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | BREACH    | BREACHED  | BREACHED  | 2026-02-14T16:00:00Z
            RESPONSE   | RUNNING   | RETURNED  | RUNNING   | RETURNED  | 2026-02-25T16:00:00Z
            RESPONSE   | PAUSED    | SUBMITTED | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | ACCEPTED  | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | RESPONDED | STOPPED   |           | 2026-02-24T16:00:00Z
            RESPONSE   | PAUSED    | RESOLVED  | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | REOPENED  | RUNNING   | RESTARTED | 2026-02-24T16:00:00Z
            RESPONSE   | PAUSED    | REJECTED  | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | CLOSED    | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | PAUSED    | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | RESUMED   | RUNNING   | RESUMED   | 2026-02-24T16:00:00Z
            RESPONSE   | PAUSED    | WARN      | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | BREACH    | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | PAUSED    | RETURNED  | PAUSED    |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | SUBMITTED | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | ACCEPTED  | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | RESPONDED | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | RESOLVED  | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | REOPENED  | RUNNING   | RESTARTED | 2026-02-24T16:00:00Z
            RESPONSE   | STOPPED   | REJECTED  | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | CLOSED    | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | PAUSED    | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | RESUMED   | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | WARN      | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | BREACH    | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | STOPPED   | RETURNED  | STOPPED   |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | SUBMITTED | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | ACCEPTED  | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | RESPONDED | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | RESOLVED  | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | REOPENED  | RUNNING   | RESTARTED | 2026-02-24T16:00:00Z
            RESPONSE   | BREACHED  | REJECTED  | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | CLOSED    | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | PAUSED    | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | RESUMED   | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | WARN      | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | BREACH    | BREACHED  |           | 2026-02-14T16:00:00Z
            RESPONSE   | BREACHED  | RETURNED  | RUNNING   | RETURNED  | 2026-02-25T16:00:00Z
            RESPONSE   | CANCELLED | SUBMITTED | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | ACCEPTED  | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | RESPONDED | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | RESOLVED  | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | REOPENED  | RUNNING   | RESTARTED | 2026-02-24T16:00:00Z
            RESPONSE   | CANCELLED | REJECTED  | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | CLOSED    | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | PAUSED    | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | RESUMED   | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | WARN      | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | BREACH    | CANCELLED |           | 2026-02-14T16:00:00Z
            RESPONSE   | CANCELLED | RETURNED  | CANCELLED |           | 2026-02-14T16:00:00Z
            RESOLUTION | NONE      | SUBMITTED | NONE      |           |
            RESOLUTION | NONE      | ACCEPTED  | RUNNING   | STARTED   | 2026-03-02T16:00:00Z
            RESOLUTION | NONE      | RESPONDED | NONE      |           |
            RESOLUTION | NONE      | RESOLVED  | NONE      |           |
            RESOLUTION | NONE      | REOPENED  | NONE      |           |
            RESOLUTION | NONE      | REJECTED  | NONE      |           |
            RESOLUTION | NONE      | CLOSED    | NONE      |           |
            RESOLUTION | NONE      | PAUSED    | NONE      |           |
            RESOLUTION | NONE      | RESUMED   | NONE      |           |
            RESOLUTION | NONE      | WARN      | NONE      |           |
            RESOLUTION | NONE      | BREACH    | NONE      |           |
            RESOLUTION | NONE      | RETURNED  | NONE      |           |
            RESOLUTION | RUNNING   | SUBMITTED | RUNNING   |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | ACCEPTED  | RUNNING   |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | RESPONDED | RUNNING   |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | RESOLVED  | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | REOPENED  | RUNNING   | RESTARTED | 2026-03-02T16:00:00Z
            RESOLUTION | RUNNING   | REJECTED  | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | CLOSED    | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | PAUSED    | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | RESUMED   | RUNNING   |           | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | WARN      | RUNNING   | WARNED    | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | BREACH    | BREACHED  | BREACHED  | 2026-02-25T16:00:00Z
            RESOLUTION | RUNNING   | RETURNED  | RUNNING   | RETURNED  | 2026-02-28T16:00:00Z
            RESOLUTION | PAUSED    | SUBMITTED | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | ACCEPTED  | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | RESPONDED | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | RESOLVED  | STOPPED   |           | 2026-02-28T16:00:00Z
            RESOLUTION | PAUSED    | REOPENED  | RUNNING   | RESTARTED | 2026-03-02T16:00:00Z
            RESOLUTION | PAUSED    | REJECTED  | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | CLOSED    | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | PAUSED    | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | RESUMED   | RUNNING   | RESUMED   | 2026-02-28T16:00:00Z
            RESOLUTION | PAUSED    | WARN      | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | BREACH    | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | PAUSED    | RETURNED  | PAUSED    |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | SUBMITTED | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | ACCEPTED  | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | RESPONDED | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | RESOLVED  | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | REOPENED  | RUNNING   | RESTARTED | 2026-03-02T16:00:00Z
            RESOLUTION | STOPPED   | REJECTED  | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | CLOSED    | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | PAUSED    | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | RESUMED   | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | WARN      | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | BREACH    | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | STOPPED   | RETURNED  | STOPPED   |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | SUBMITTED | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | ACCEPTED  | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | RESPONDED | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | RESOLVED  | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | REOPENED  | RUNNING   | RESTARTED | 2026-03-02T16:00:00Z
            RESOLUTION | BREACHED  | REJECTED  | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | CLOSED    | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | PAUSED    | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | RESUMED   | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | WARN      | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | BREACH    | BREACHED  |           | 2026-02-25T16:00:00Z
            RESOLUTION | BREACHED  | RETURNED  | RUNNING   | RETURNED  | 2026-02-28T16:00:00Z
            RESOLUTION | CANCELLED | SUBMITTED | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | ACCEPTED  | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | RESPONDED | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | RESOLVED  | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | REOPENED  | RUNNING   | RESTARTED | 2026-03-02T16:00:00Z
            RESOLUTION | CANCELLED | REJECTED  | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | CLOSED    | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | PAUSED    | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | RESUMED   | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | WARN      | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | BREACH    | CANCELLED |           | 2026-02-25T16:00:00Z
            RESOLUTION | CANCELLED | RETURNED  | CANCELLED |           | 2026-02-25T16:00:00Z
            """)
    void everyTransition(ClockKind kind, String from, Step step, String to, String published, Instant dueAt) {
        Timeline timeline = TIMELINES.get(kind);
        List<SlaClock> clocks = reportWithClock(kind, from, timeline);
        assertThat(state(clocks, kind)).as("set up").isEqualTo(from);

        List<String> happened = take(step, kind, clocks, timeline).stream()
                .filter(event -> event.kind() == kind).map(Happened::what).toList();

        assertThat(state(clocks, kind)).isEqualTo(to);
        assertThat(happened).isEqualTo(published == null ? List.of() : List.of(published));
        assertThat(clock(clocks, kind).map(clock -> clock.dueAt).orElse(null)).isEqualTo(dueAt);
    }

    /**
     * After the street's new deadline the breach stays on record; the clock warns and breaches again by the new
     * deadline (each once); a breached clock whose work was done (late) has nothing to run for.
     */
    @Test
    void aBreachedClockGivenANewDeadlineKeepsItsBreachThenWarnsAndBreachesAgain() {
        Timeline timeline = TIMELINES.get(ClockKind.RESPONSE);
        List<SlaClock> clocks = reportWithClock(ClockKind.RESPONSE, "BREACHED", timeline);
        SlaClock clock = clocks.getFirst();
        Instant firstBreach = clock.breachedAt;
        Instant returnedAt = timeline.stepAt();

        assertThat(take(Step.RETURNED, ClockKind.RESPONSE, clocks, timeline)).extracting(Happened::what)
                .containsExactly("RETURNED");
        assertThat(clock.breachedAt).isEqualTo(firstBreach);
        assertThat(clock.startedAt).isEqualTo(RECEIVED_AT);
        assertThat(clock.workingDays).isEqualTo(RESPONSE_DAYS);
        // 2 working days from Sun 02-15 01:00 Shanghai: Tue 24, Wed 25; 75 % of them: Wed 25 12:00
        assertThat(clock.warnAt).isEqualTo(Instant.parse("2026-02-25T04:00:00Z"));
        assertThat(clock.warnedAt).isNull();

        assertThat(sweep(clocks, clock.warnAt)).extracting(Happened::what).containsExactly("WARNED");
        assertThat(sweep(clocks, clock.warnAt)).isEmpty();
        Instant newDueAt = clock.dueAt;
        assertThat(sweep(clocks, newDueAt)).extracting(Happened::what).containsExactly("BREACHED");
        assertThat(clock.breachedAt).isEqualTo(newDueAt);
        assertThat(returnedAt).isBefore(newDueAt);

        SlaClock done = reportWithClock(ClockKind.RESPONSE, "BREACHED", timeline).getFirst();
        done.stop(returnedAt, SEEDED);
        assertThat(done.runTo(returnedAt, STREET_DAYS, SEEDED, WARNING_FRACTION)).isFalse();
        assertThat(done.state).isEqualTo(ClockState.BREACHED);
    }

    /** Both clocks know when the report was received (the board's oldest open report); a restart keeps it. */
    @Test
    void everyClockOfAReportKnowsWhenTheReportWasReceived() {
        List<SlaClock> clocks = reportWithClock(ClockKind.RESOLUTION, "RUNNING", TIMELINES.get(ClockKind.RESOLUTION));
        apply(clocks, report -> report.restart(SET_UP_AT));

        assertThat(clocks).extracting(clock -> clock.reportReceivedAt).containsOnly(RECEIVED_AT);
        assertThat(clock(clocks, ClockKind.RESOLUTION).orElseThrow().startedAt).isEqualTo(SET_UP_AT);
        // a report whose response clock this service never saw: received, as far as it knows, when accepted
        List<SlaClock> acceptedOnly = new ArrayList<>();
        apply(acceptedOnly, report -> report.start(REPORT, ClockKind.RESOLUTION, RESOLUTION_DAYS, ACCEPTED_AT));
        assertThat(acceptedOnly.getFirst().reportReceivedAt).isEqualTo(ACCEPTED_AT);
    }

    /** An SLA event of a clock of {@code kind}: a due time announced (its reason), WARNED or BREACHED. */
    private record Happened(ClockKind kind, String what) {
    }

    /** The report's clocks, the one of {@code kind} in state {@code from}, reached by its events and the sweep. */
    private static List<SlaClock> reportWithClock(ClockKind kind, String from, Timeline timeline) {
        List<SlaClock> clocks = new ArrayList<>();
        boolean response = kind == ClockKind.RESPONSE;
        if (response && NONE.equals(from)) {
            return clocks;
        }
        apply(clocks, report -> report.start(REPORT, ClockKind.RESPONSE, RESPONSE_DAYS, RECEIVED_AT));
        if (!response && !NONE.equals(from)) {
            apply(clocks, report -> report.start(REPORT, ClockKind.RESOLUTION, RESOLUTION_DAYS, ACCEPTED_AT));
        }
        switch (from) {
            case "PAUSED" -> apply(clocks, report -> report.pause(SET_UP_AT));
            case "STOPPED" -> apply(clocks, report -> report.stop(kind, SET_UP_AT));
            case "CANCELLED" -> apply(clocks, report -> report.cancel(SET_UP_AT));
            case "BREACHED" -> sweep(clocks, timeline.dueAt());
            default -> {
                // RUNNING and NONE need nothing further
            }
        }
        return clocks;
    }

    private static List<Happened> take(Step step, ClockKind kind, List<SlaClock> clocks, Timeline timeline) {
        Instant at = timeline.stepAt();
        return switch (step) {
            case WARN -> sweep(clocks, timeline.warnAt());
            case BREACH -> sweep(clocks, timeline.dueAt());
            // the first announcement of the report, or the same report announced again
            case SUBMITTED -> apply(clocks, report -> report.start(REPORT, ClockKind.RESPONSE, RESPONSE_DAYS,
                    RECEIVED_AT));
            case ACCEPTED -> apply(clocks, report -> report.start(REPORT, ClockKind.RESOLUTION, RESOLUTION_DAYS, at));
            case RESPONDED -> apply(clocks, report -> report.stop(ClockKind.RESPONSE, at));
            case RESOLVED -> apply(clocks, report -> report.stop(ClockKind.RESOLUTION, at));
            case REOPENED -> apply(clocks, report -> report.restart(at));
            case REJECTED, CLOSED -> apply(clocks, report -> report.cancel(at));
            case PAUSED -> apply(clocks, report -> report.pause(at));
            case RESUMED -> apply(clocks, report -> report.resume(at));
            // the clock whose breach was escalated to the street
            case RETURNED -> apply(clocks, report -> report.runTo(Optional.of(kind), at, STREET_DAYS));
        };
    }

    /** A report event as the consumer applies it: the clocks as they are, a new one kept, the due times announced. */
    private static List<Happened> apply(List<SlaClock> clocks,
            Function<ReportClocks, List<ReportClocks.Scheduled>> event) {
        List<ReportClocks.Scheduled> scheduled = event.apply(new ReportClocks(clocks, SEEDED, WARNING_FRACTION));
        scheduled.stream().map(ReportClocks.Scheduled::clock).filter(clock -> !clocks.contains(clock))
                .forEach(clocks::add);
        return scheduled.stream().map(due -> new Happened(due.clock().kind, due.reason().name())).toList();
    }

    /** The sweep at {@code now}: breaches first, so a clock past both points is breached and not also warned. */
    private static List<Happened> sweep(List<SlaClock> clocks, Instant now) {
        List<Happened> happened = new ArrayList<>();
        clocks.stream().filter(clock -> clock.breach(now))
                .forEach(clock -> happened.add(new Happened(clock.kind, "BREACHED")));
        clocks.stream().filter(clock -> clock.warn(now))
                .forEach(clock -> happened.add(new Happened(clock.kind, "WARNED")));
        return happened;
    }

    private static Optional<SlaClock> clock(List<SlaClock> clocks, ClockKind kind) {
        return clocks.stream().filter(clock -> clock.kind == kind).findFirst();
    }

    private static String state(List<SlaClock> clocks, ClockKind kind) {
        return clock(clocks, kind).map(clock -> clock.state.name()).orElse(NONE);
    }
}
