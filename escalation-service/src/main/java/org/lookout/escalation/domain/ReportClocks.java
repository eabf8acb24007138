package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lookout.contracts.ClockKind;
import org.lookout.contracts.ScheduleReason;

/**
 * The clocks of one report (at most one of each kind) and what each report event does to them (ARCHITECTURE §6):
 * submitted starts the response clock, accepted the resolution clock; responded and resolved stop them; reopened
 * restarts the resolution clock, or the response clock when there is none; rejected and closed cancel, paused and
 * resumed pause and resume every clock; the street's return with a new deadline lets a clock run to it. Each method
 * answers the due times to announce ({@code sla-scheduled}); a new clock among them is to be stored. An event of a
 * report without clocks changes nothing.
 */
public final class ReportClocks {

    /** A clock got a (new) due time at {@code at}: started, restarted or resumed. */
    public record Scheduled(SlaClock clock, ScheduleReason reason, Instant at) {
    }

    private final List<SlaClock> clocks;
    private final WorkingCalendar calendar;
    private final double warningFraction;

    /** @param calendar the calendar as it is now: new and moved deadlines are counted on it */
    public ReportClocks(List<SlaClock> clocks, WorkingCalendar calendar, double warningFraction) {
        this.clocks = new ArrayList<>(clocks);
        this.calendar = calendar;
        this.warningFraction = warningFraction;
    }

    public Optional<SlaClock> of(ClockKind kind) {
        return clocks.stream().filter(clock -> clock.kind == kind).findFirst();
    }

    /**
     * submitted (the response clock) or accepted (the resolution clock): the clock of {@code kind} starts, counting
     * {@code workingDays} from {@code from}; a report that already has one keeps it (another event announced it).
     */
    public List<Scheduled> start(ReportFacts report, ClockKind kind, int workingDays, Instant from) {
        if (of(kind).isPresent()) {
            return List.of();
        }
        // received when the response clock started; a report known by its resolution clock only, when that started
        Instant receivedAt = of(ClockKind.RESPONSE).map(clock -> clock.reportReceivedAt).orElse(from);
        SlaClock started = SlaClock.start(report, kind, workingDays, from, receivedAt, calendar, warningFraction);
        clocks.add(started);
        return List.of(new Scheduled(started, ScheduleReason.STARTED, from));
    }

    /** responded (the response clock) or resolved (the resolution clock): the clock of {@code kind} stops. */
    public List<Scheduled> stop(ClockKind kind, Instant at) {
        of(kind).ifPresent(clock -> clock.stop(at, calendar));
        return List.of();
    }

    /** reopened: back to ASSIGNED, the resolution clock if the report has one, otherwise the response clock, restarts. */
    public List<Scheduled> restart(Instant at) {
        Optional<SlaClock> restarted = of(ClockKind.RESOLUTION).or(() -> of(ClockKind.RESPONSE));
        restarted.ifPresent(clock -> clock.restart(at, calendar, warningFraction));
        return restarted.map(clock -> List.of(new Scheduled(clock, ScheduleReason.RESTARTED, at))).orElse(List.of());
    }

    /**
     * The street returned the report to the community with a new deadline (督办): the clock of {@code kind} (the one
     * whose breach was escalated) — when none is named, the resolution clock if the report has one, otherwise the
     * response clock — runs to the deadline {@code workingDays} from {@code at}, and announces it.
     */
    public List<Scheduled> runTo(Optional<ClockKind> kind, Instant at, int workingDays) {
        Optional<SlaClock> clock = kind.isPresent() ? of(kind.get())
                : of(ClockKind.RESOLUTION).or(() -> of(ClockKind.RESPONSE));
        return clock.filter(one -> one.runTo(at, workingDays, calendar, warningFraction))
                .map(one -> List.of(new Scheduled(one, ScheduleReason.RETURNED, at))).orElse(List.of());
    }

    /** rejected or closed: every running or paused clock is cancelled; stopped and breached ones keep their outcome. */
    public List<Scheduled> cancel(Instant at) {
        clocks.forEach(clock -> clock.cancel(at));
        return List.of();
    }

    /** paused: every running clock pauses (staff wait for the reporter). */
    public List<Scheduled> pause(Instant at) {
        clocks.forEach(clock -> clock.pause(at));
        return List.of();
    }

    /** resumed: every paused clock runs again, its due time moved by the pause rule, and announces it. */
    public List<Scheduled> resume(Instant at) {
        List<Scheduled> resumed = new ArrayList<>();
        for (SlaClock clock : clocks) {
            if (clock.resume(at, calendar)) {
                resumed.add(new Scheduled(clock, ScheduleReason.RESUMED, at));
            }
        }
        return resumed;
    }
}
