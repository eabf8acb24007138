package org.lookout.escalation.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.ScheduleReason;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.ClockKind;
import org.lookout.escalation.domain.ClockState;
import org.lookout.escalation.domain.Deadline;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.domain.WorkingCalendar;
import org.lookout.escalation.messaging.SlaEvents;
import org.lookout.escalation.repository.CommunityRepository;
import org.lookout.escalation.repository.SlaClockRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The SLA clocks of reports, driven by report events (each event once, in the consumer's transaction, in per-report
 * order): the response clock started on receipt, the resolution clock on acceptance; stopped on response /
 * resolution, restarted on reopening, cancelled on rejection or closing, paused while staff wait for the reporter and
 * resumed later by the working days that ended meanwhile; read within the caller's scope. Every new due time (start,
 * restart, resume) is announced as {@code sla-scheduled} through the outbox. Events of a report without clocks change
 * nothing.
 */
@ApplicationScoped
public class SlaClockService {

    private static final Logger LOG = Logger.getLogger(SlaClockService.class);

    private final SlaClockRepository clocks;
    private final CommunityRepository communities;
    private final CalendarService calendar;
    private final SlaPolicy policy;
    private final SlaEvents events;
    private final EscalationConfig config;

    SlaClockService(SlaClockRepository clocks, CommunityRepository communities, CalendarService calendar, SlaPolicy policy,
            SlaEvents events, EscalationConfig config) {
        this.clocks = clocks;
        this.communities = communities;
        this.calendar = calendar;
        this.policy = policy;
        this.events = events;
        this.config = config;
    }

    /** What a clock needs to know of its report, from whichever event starts it. */
    private record ReportRef(UUID reportId, String communityCode, String itemCode, boolean confidential) {
    }

    /** Starts the clocks of a received report, counting from its receipt; runs in the consumer's transaction. */
    public Uni<Void> onSubmitted(ComplaintSubmitted submitted) {
        ReportRef report = new ReportRef(submitted.reportId(), submitted.communityCode(), submitted.itemCode(),
                submitted.confidential());
        Uni<Void> started = Uni.createFrom().voidItem();
        for (SlaPolicy.ClockSpec spec : policy.onSubmitted(submitted)) {
            started = started.chain(() -> startIfAbsent(report, spec, submitted.receivedAt()));
        }
        return started;
    }

    /**
     * The report was accepted: its resolution clock starts, counting the item's working days from the change time. An
     * item without a policy starts none; a report that already has a resolution clock keeps it.
     */
    public Uni<Void> onAccepted(ComplaintStatusChanged accepted) {
        return policy.onAccepted(accepted).chain(spec -> {
            if (spec.isEmpty()) {
                // references only: no reporter data is in the event
                LOG.warnf("no SLA policy for item %s: report %s runs no resolution clock", accepted.itemCode(),
                        accepted.reportId());
                return Uni.createFrom().voidItem();
            }
            ReportRef report = new ReportRef(accepted.reportId(), accepted.communityCode(), accepted.itemCode(),
                    accepted.confidential());
            return startIfAbsent(report, spec.get(), accepted.changedAt());
        });
    }

    /** A clock of this kind that already exists (another event announced the same report) is kept. */
    private Uni<Void> startIfAbsent(ReportRef report, SlaPolicy.ClockSpec spec, Instant from) {
        return clocks.exists(report.reportId(), spec.kind())
                .chain(exists -> exists ? Uni.createFrom().voidItem()
                        : calendar.current().chain(workingCalendar -> {
                            SlaClock started = newClock(workingCalendar, report, spec, from);
                            return clocks.persist(started).chain(() -> scheduled(started, ScheduleReason.STARTED, from));
                        }));
    }

    /** Announces the clock's due time in the transaction that gave it; complaint-service shows it on the report. */
    private Uni<Void> scheduled(SlaClock clock, ScheduleReason reason, Instant at) {
        return communities.streetOf(clock.communityCode).chain(street -> events.scheduled(clock, street, reason, at));
    }

    private SlaClock newClock(WorkingCalendar workingCalendar, ReportRef report, SlaPolicy.ClockSpec spec, Instant from) {
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.reportId = report.reportId();
        clock.kind = spec.kind();
        clock.communityCode = report.communityCode();
        clock.itemCode = report.itemCode();
        clock.confidential = report.confidential();
        clock.workingDays = spec.workingDays();
        runFrom(clock, workingCalendar, from);
        return clock;
    }

    /** (Re)starts a clock counting its working days from {@code from}, on the calendar as it is now. */
    private void runFrom(SlaClock clock, WorkingCalendar workingCalendar, Instant from) {
        Deadline deadline = workingCalendar.deadline(from, clock.workingDays);
        clock.startedAt = from;
        clock.warnAt = workingCalendar.pointInWorkingTime(from, clock.workingDays, config.warningFraction());
        clock.dueAt = deadline.dueAt();
        clock.provisional = deadline.provisional();
        clock.state = ClockState.RUNNING;
        clock.warnedAt = null;
        clock.breachedAt = null;
        clock.stoppedAt = null;
        clock.met = null;
        clock.pausedAt = null;
    }

    /** The report was responded to (on site): its response clock stops. Runs in the consumer's transaction. */
    public Uni<Void> onResponded(ComplaintStatusChanged change) {
        return stop(change, ClockKind.RESPONSE);
    }

    /** The report was resolved: its resolution clock stops, if it has one. */
    public Uni<Void> onResolved(ComplaintStatusChanged change) {
        return stop(change, ClockKind.RESOLUTION);
    }

    /**
     * The report was rejected or closed: every clock still running ends as CANCELLED. A clock that already stopped or
     * breached keeps its outcome.
     */
    public Uni<Void> onEnded(ComplaintStatusChanged change) {
        return clocks.lockOfReport(change.reportId()).invoke(found -> found.stream().filter(SlaClockService::running)
                .forEach(clock -> {
                    clock.state = ClockState.CANCELLED;
                    clock.stoppedAt = change.changedAt();
                    clock.met = null;
                    clock.pausedAt = null;
                })).replaceWithVoid();
    }

    /**
     * Staff began waiting for the reporter: every running clock of the report pauses at the change time, and neither
     * warns nor breaches (the sweep takes running clocks only) until it resumes. A clock already paused keeps its
     * pause.
     */
    public Uni<Void> onPaused(ComplaintStatusChanged change) {
        return clocks.lockOfReport(change.reportId()).invoke(found -> found.stream()
                .filter(clock -> clock.state == ClockState.RUNNING)
                .forEach(clock -> {
                    clock.state = ClockState.PAUSED;
                    clock.pausedAt = change.changedAt();
                })).replaceWithVoid();
    }

    /**
     * The wait for the reporter ended: every paused clock of the report runs again with its warning and due time
     * moved later by the working days that ended during the pause, and announces its due time. Stopped, cancelled and
     * breached clocks stay as they are; a resume without a pause changes nothing.
     */
    public Uni<Void> onResumed(ComplaintStatusChanged change) {
        Instant at = change.changedAt();
        return clocks.lockOfReport(change.reportId()).chain(found -> {
            List<SlaClock> paused = found.stream().filter(clock -> clock.state == ClockState.PAUSED).toList();
            if (paused.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return calendar.current().chain(workingCalendar -> {
                Uni<Void> resumed = Uni.createFrom().voidItem();
                for (SlaClock clock : paused) {
                    endPause(clock, workingCalendar, at);
                    clock.state = ClockState.RUNNING;
                    resumed = resumed.chain(() -> scheduled(clock, ScheduleReason.RESUMED, at));
                }
                return resumed;
            });
        });
    }

    /**
     * Ends the clock's pause at {@code at}: its warning and due time, where still ahead when it paused, move later by
     * the working days whose 24:00 passed during the pause ({@link WorkingCalendar#workingDaysEnded}).
     */
    private static void endPause(SlaClock clock, WorkingCalendar workingCalendar, Instant at) {
        int ended = workingCalendar.workingDaysEnded(clock.pausedAt, at);
        if (clock.warnAt.isAfter(clock.pausedAt)) {
            clock.warnAt = workingCalendar.later(clock.warnAt, ended).at();
        }
        if (clock.dueAt.isAfter(clock.pausedAt)) {
            WorkingCalendar.Moved due = workingCalendar.later(clock.dueAt, ended);
            clock.dueAt = due.at();
            clock.provisional |= due.provisional();
        }
        clock.pausedAt = null;
    }

    /**
     * The report was reopened (back to ASSIGNED, §5): its clock restarts from the reopening, with a fresh deadline on
     * today's calendar. The resolution clock if the report has one, otherwise the response clock; the row is reset
     * (one clock per report and kind). A report without clocks is left alone.
     */
    public Uni<Void> onReopened(ComplaintStatusChanged change) {
        return clocks.lockOfReport(change.reportId()).chain(found -> {
            Optional<SlaClock> restart = ofKind(found, ClockKind.RESOLUTION).or(() -> ofKind(found, ClockKind.RESPONSE));
            if (restart.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return calendar.current().chain(workingCalendar -> {
                runFrom(restart.get(), workingCalendar, change.changedAt());
                return scheduled(restart.get(), ScheduleReason.RESTARTED, change.changedAt());
            });
        });
    }

    /**
     * Stops the report's running clock of {@code kind} at the change time and records whether it met its deadline. A
     * paused clock's pause ends with it, so it is judged by the deadline its pause moved.
     */
    private Uni<Void> stop(ComplaintStatusChanged change, ClockKind kind) {
        Instant at = change.changedAt();
        return clocks.lockOfReport(change.reportId()).chain(found -> {
            Optional<SlaClock> clock = ofKind(found, kind);
            if (clock.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> pauseEnded = clock.get().state == ClockState.PAUSED
                    ? calendar.current().invoke(workingCalendar -> endPause(clock.get(), workingCalendar, at))
                            .replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return pauseEnded.invoke(() -> stopAt(clock.get(), at));
        });
    }

    private static void stopAt(SlaClock clock, Instant at) {
        if (running(clock)) {
            clock.state = ClockState.STOPPED;
            clock.stoppedAt = at;
            clock.met = !at.isAfter(clock.dueAt);
        } else if (clock.state == ClockState.BREACHED && clock.stoppedAt == null) {
            // the breach has fired and stays; when the work was done is still recorded, by the event's time
            clock.stoppedAt = at;
            clock.met = !at.isAfter(clock.dueAt);
        }
    }

    private static boolean running(SlaClock clock) {
        return clock.state == ClockState.RUNNING || clock.state == ClockState.PAUSED;
    }

    private static Optional<SlaClock> ofKind(List<SlaClock> found, ClockKind kind) {
        return found.stream().filter(clock -> clock.kind == kind).findFirst();
    }

    /** The clocks of a report; a report outside the caller's scope is answered as absent (404). */
    @WithSession
    public Uni<List<SlaClock>> ofReport(UUID reportId, Caller caller) {
        return clocks.ofReport(reportId).chain(found -> visible(found, caller).map(visible -> {
            if (!visible) {
                throw ProblemException.notFound("report " + reportId);
            }
            return found;
        }));
    }

    private Uni<Boolean> visible(List<SlaClock> found, Caller caller) {
        // all clocks of a report share its community and confidentiality
        return found.isEmpty() ? Uni.createFrom().item(false) : visible(found.getFirst(), caller);
    }

    private Uni<Boolean> visible(SlaClock clock, Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return Uni.createFrom().item(true);
        }
        if (clock.confidential) {
            // reports about officials: never shown to community staff or the street office
            return Uni.createFrom().item(false);
        }
        if (caller.is(Roles.STAFF) && caller.community().filter(clock.communityCode::equals).isPresent()) {
            return Uni.createFrom().item(true);
        }
        Optional<String> street = caller.is(Roles.SUPERVISOR) ? caller.street() : Optional.empty();
        if (street.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return communities.streetOf(clock.communityCode).map(street.get()::equals);
    }
}
