package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.contracts.ClockKind;

/**
 * A service-level clock of one report: it counts its working days from its start, warns at the warning point and
 * breaches at its deadline, pauses while staff wait for the reporter and stops or is cancelled by the report's events.
 * Each method below checks {@link ClockState}'s table and sets every field the move changes; a move the table does not
 * allow leaves the clock as it is and answers {@code false}. It never leaves the service: resources map it to a view.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockKind kind;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    /** Reports about officials: their clocks are not shown to community staff or supervisors. */
    @Column(nullable = false)
    public boolean confidential;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** When the report was received (its response clock's start): how long it has been open, for the SLA board. */
    @Column(name = "report_received_at", nullable = false)
    public Instant reportReceivedAt;

    /** 75 % of the working time has passed. */
    @Column(name = "warn_at", nullable = false)
    public Instant warnAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public boolean provisional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockState state;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    /** When the clock stopped or was cancelled, by the report event's change time; null while it runs. */
    @Column(name = "stopped_at")
    public Instant stoppedAt;

    /** Whether it stopped at or before {@link #dueAt}; null while it runs and for a cancelled clock. */
    @Column(name = "met")
    public Boolean met;

    /** Since when the clock is paused (staff wait for the reporter), by the event's change time; null unless PAUSED. */
    @Column(name = "paused_at")
    public Instant pausedAt;

    @Version
    public int version;

    /**
     * A new running clock of {@code kind} for the report, counting {@code workingDays} from {@code from}; the report
     * was received at {@code receivedAt}.
     */
    public static SlaClock start(ReportFacts report, ClockKind kind, int workingDays, Instant from, Instant receivedAt,
            WorkingCalendar calendar, double warningFraction) {
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.reportId = report.reportId();
        clock.kind = kind;
        clock.communityCode = report.communityCode();
        clock.itemCode = report.itemCode();
        clock.confidential = report.confidential();
        clock.workingDays = workingDays;
        clock.reportReceivedAt = receivedAt;
        clock.runFrom(from, calendar, warningFraction);
        return clock;
    }

    /** The report this clock belongs to. */
    public ReportFacts report() {
        return new ReportFacts(reportId, communityCode, itemCode, confidential);
    }

    /**
     * The report was reopened (§5): the clock counts its working days afresh from {@code at} on the calendar as it is
     * now, whatever state it was in; its warning, breach, stop and pause are forgotten.
     */
    public void restart(Instant at, WorkingCalendar calendar, double warningFraction) {
        runFrom(at, calendar, warningFraction);
    }

    private void runFrom(Instant from, WorkingCalendar calendar, double warningFraction) {
        Deadline deadline = calendar.deadline(from, workingDays);
        startedAt = from;
        warnAt = calendar.pointInWorkingTime(from, workingDays, warningFraction);
        dueAt = deadline.dueAt();
        provisional = deadline.provisional();
        state = ClockState.RUNNING;
        warnedAt = null;
        breachedAt = null;
        stoppedAt = null;
        met = null;
        pausedAt = null;
    }

    /** Staff began waiting for the reporter: a running clock pauses; one already paused keeps its first pause. */
    public boolean pause(Instant at) {
        if (!state.canMoveTo(ClockState.PAUSED)) {
            return false;
        }
        state = ClockState.PAUSED;
        pausedAt = at;
        return true;
    }

    /** The wait ended: a paused clock runs again, its warning and deadline moved by the pause rule. */
    public boolean resume(Instant at, WorkingCalendar calendar) {
        if (state != ClockState.PAUSED) {
            return false;
        }
        endPause(at, calendar);
        state = ClockState.RUNNING;
        return true;
    }

    /**
     * The report was responded to or resolved: a running or paused clock stops and records whether it met its
     * deadline (a pause ends first, so the deadline it moved is the one judged). A breached clock stays breached, with
     * when the work was done recorded once.
     */
    public boolean stop(Instant at, WorkingCalendar calendar) {
        if (state.canMoveTo(ClockState.STOPPED)) {
            if (state == ClockState.PAUSED) {
                endPause(at, calendar);
            }
            state = ClockState.STOPPED;
        } else if (state != ClockState.BREACHED || stoppedAt != null) {
            return false;
        }
        stoppedAt = at;
        met = !at.isAfter(dueAt);
        return true;
    }

    /**
     * The street returned the report to the community with a new deadline (督办): a running clock, or a breached one
     * whose work is not done yet, runs to the deadline {@code workingDays} from {@code at} (warning at the same fraction
     * of it). Its start, its working days and its breach stay on record, so a later breach is published again and a
     * reopening still counts the item's days. A paused clock is left to its pause; an ended one has nothing to run for.
     */
    public boolean runTo(Instant at, int newWorkingDays, WorkingCalendar calendar, double warningFraction) {
        // a running clock takes the new deadline; a breached one runs again (BREACHED → RUNNING) unless the work is done
        boolean takesIt = state == ClockState.RUNNING
                || state == ClockState.BREACHED && stoppedAt == null && state.canMoveTo(ClockState.RUNNING);
        if (!takesIt) {
            return false;
        }
        Deadline deadline = calendar.deadline(at, newWorkingDays);
        warnAt = calendar.pointInWorkingTime(at, newWorkingDays, warningFraction);
        dueAt = deadline.dueAt();
        provisional = deadline.provisional();
        state = ClockState.RUNNING;
        warnedAt = null;
        return true;
    }

    /** The report was rejected or closed: a running or paused clock is cancelled; an ended one keeps its outcome. */
    public boolean cancel(Instant at) {
        if (!state.canMoveTo(ClockState.CANCELLED)) {
            return false;
        }
        state = ClockState.CANCELLED;
        stoppedAt = at;
        met = null;
        pausedAt = null;
        return true;
    }

    /** The sweep at {@code now}: a running clock past its warning point warns, once. */
    public boolean warn(Instant now) {
        if (!state.counts() || warnedAt != null || warnAt.isAfter(now)) {
            return false;
        }
        warnedAt = now;
        return true;
    }

    /** The sweep at {@code now}: a running clock past its deadline breaches. */
    public boolean breach(Instant now) {
        if (!state.canMoveTo(ClockState.BREACHED) || dueAt.isAfter(now)) {
            return false;
        }
        state = ClockState.BREACHED;
        breachedAt = now;
        return true;
    }

    /**
     * Ends the pause at {@code at}: the warning and deadline, each if still ahead when the clock paused, move later by
     * the working days whose 24:00 passed during the pause ({@link WorkingCalendar#workingDaysEnded}).
     */
    private void endPause(Instant at, WorkingCalendar calendar) {
        int ended = calendar.workingDaysEnded(pausedAt, at);
        if (warnAt.isAfter(pausedAt)) {
            warnAt = calendar.later(warnAt, ended).at();
        }
        if (dueAt.isAfter(pausedAt)) {
            WorkingCalendar.Moved due = calendar.later(dueAt, ended);
            dueAt = due.at();
            provisional |= due.provisional();
        }
        pausedAt = null;
    }
}
