package org.lookout.escalation.clock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ClockKind;
import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.escalation.calendar.CalendarService;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.EscalationScope;
import org.lookout.escalation.domain.ReportClocks;
import org.lookout.escalation.domain.ReportFacts;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.escalation.messaging.outgoing.SlaEvents;
import org.lookout.escalation.policy.SlaPolicy;
import org.lookout.escalation.reference.ReferenceData;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The SLA clocks of reports, driven by report events (each event once, in the consumer's transaction, in per-report
 * order): load the report's clocks, let {@link ReportClocks} apply the event, store a new clock and announce every new
 * due time ({@code sla-scheduled}) through the outbox. An event that starts a clock waits until this service's copy of
 * its item and community has arrived. A report about an official (confidential) starts no clock: its 12388 limits run
 * in the cadre registry, and it counts in no community figure. Clocks are read within the caller's scope.
 */
@ApplicationScoped
public class SlaClockService {

    private final SlaClockRepository clocks;
    private final ReferenceData references;
    private final CalendarService calendar;
    private final SlaPolicy policy;
    private final SlaEvents events;
    private final EscalationConfig config;

    SlaClockService(SlaClockRepository clocks, ReferenceData references, CalendarService calendar, SlaPolicy policy,
            SlaEvents events, EscalationConfig config) {
        this.clocks = clocks;
        this.references = references;
        this.calendar = calendar;
        this.policy = policy;
        this.events = events;
        this.config = config;
    }

    /** submitted: the response clock starts, counting from the receipt. */
    public Uni<Void> onSubmitted(ComplaintSubmitted submitted) {
        ReportFacts report = new ReportFacts(submitted.reportId(), submitted.communityCode(), submitted.itemCode(),
                submitted.confidential());
        if (report.confidential()) {
            return Uni.createFrom().voidItem();
        }
        return known(report).chain(() -> change(report.reportId(), clocks -> clocks.start(report, ClockKind.RESPONSE,
                policy.responseWorkingDays(), submitted.receivedAt())));
    }

    /** accepted: the resolution clock starts for the item's working days, counting from the change. */
    public Uni<Void> onAccepted(ComplaintStatusChanged accepted) {
        ReportFacts report = new ReportFacts(accepted.reportId(), accepted.communityCode(), accepted.itemCode(),
                accepted.confidential());
        if (report.confidential()) {
            return Uni.createFrom().voidItem();
        }
        return known(report).chain(() -> policy.resolutionWorkingDays(report.itemCode()))
                .chain(days -> change(report.reportId(),
                        clocks -> clocks.start(report, ClockKind.RESOLUTION, days, accepted.changedAt())));
    }

    public Uni<Void> onResponded(ComplaintStatusChanged change) {
        return change(change.reportId(), clocks -> clocks.stop(ClockKind.RESPONSE, change.changedAt()));
    }

    public Uni<Void> onResolved(ComplaintStatusChanged change) {
        return change(change.reportId(), clocks -> clocks.stop(ClockKind.RESOLUTION, change.changedAt()));
    }

    public Uni<Void> onReopened(ComplaintStatusChanged change) {
        return change(change.reportId(), clocks -> clocks.restart(change.changedAt()));
    }

    /** rejected or closed. */
    public Uni<Void> onEnded(ComplaintStatusChanged change) {
        return change(change.reportId(), clocks -> clocks.cancel(change.changedAt()));
    }

    public Uni<Void> onPaused(ComplaintStatusChanged change) {
        return change(change.reportId(), clocks -> clocks.pause(change.changedAt()));
    }

    public Uni<Void> onResumed(ComplaintStatusChanged change) {
        return change(change.reportId(), clocks -> clocks.resume(change.changedAt()));
    }

    /**
     * The street returned the report to the community with a new deadline {@code workingDays} from {@code at} (督办,
     * in the return's transaction): the clock whose breach was escalated — or, for another trigger, the resolution clock
     * if any, else the response clock — runs to it and announces it ({@code RETURNED}).
     */
    public Uni<Void> onReturnedByStreet(UUID reportId, Optional<ClockKind> kind, Instant at, int workingDays) {
        return change(reportId, clocks -> clocks.runTo(kind, at, workingDays));
    }

    /** The report's item and community are in this service's copy; waits (retried) until they are. */
    private Uni<Void> known(ReportFacts report) {
        return references.item(report.itemCode()).chain(() -> references.streetOf(report.communityCode()))
                .replaceWithVoid();
    }

    /** Loads the report's clocks (locked), applies the event, stores a new clock and announces every new due time. */
    private Uni<Void> change(UUID reportId, Function<ReportClocks, List<ReportClocks.Scheduled>> event) {
        return clocks.lockOfReport(reportId).chain(found -> calendar.current().chain(workingCalendar -> {
            List<ReportClocks.Scheduled> scheduled = event.apply(
                    new ReportClocks(found, workingCalendar, config.warningFraction()));
            Uni<Void> announced = Uni.createFrom().voidItem();
            for (ReportClocks.Scheduled due : scheduled) {
                announced = announced.chain(() -> found.contains(due.clock()) ? Uni.createFrom().voidItem()
                        : clocks.persist(due.clock()).replaceWithVoid())
                        .chain(() -> references.knownStreetOf(due.clock().communityCode))
                        .chain(street -> events.scheduled(due.clock(), street, due.reason(), due.at()));
            }
            return announced;
        }));
    }

    /** What this service knows of a report: the facts its clocks were started with; empty without clocks. */
    public Uni<Optional<ReportFacts>> report(UUID reportId) {
        return clocks.ofReport(reportId).map(found -> found.stream().findFirst().map(SlaClock::report));
    }

    /** The clocks of a report; a report outside the caller's scope is answered as absent (404). */
    @WithSession
    public Uni<List<SlaClock>> ofReport(UUID reportId, Caller caller) {
        return clocks.ofReport(reportId).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("report " + reportId);
            }
            // all clocks of a report share its community and confidentiality
            ReportFacts report = found.getFirst().report();
            return references.knownStreetOf(report.communityCode()).map(street -> {
                if (!EscalationScope.seesClocksOf(caller, report, street)) {
                    throw ProblemException.notFound("report " + reportId);
                }
                return found;
            });
        });
    }
}
