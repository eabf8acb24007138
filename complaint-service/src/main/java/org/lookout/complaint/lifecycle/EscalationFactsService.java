package org.lookout.complaint.lifecycle;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Outcome;
import org.lookout.contracts.ScheduleReason;
import org.lookout.contracts.SlaBreached;
import org.lookout.contracts.SlaScheduled;
import org.lookout.contracts.SlaWarned;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * What escalation-service tells about a report, applied to it: SLA due times, warnings and breaches are stored on the
 * report; an
 * opened escalation makes it ESCALATED, the agency's outcome or return brings it back to the community; the rest of an
 * escalation's life is written to the history. An event the report's state cannot follow (a final report, another
 * escalation than the one it waits for) is recorded in the history and changes nothing: it is news, never an error.
 * Every method runs in the consumer's transaction, which also records the event as processed.
 */
@ApplicationScoped
public class EscalationFactsService {

    private static final Logger LOG = Logger.getLogger(EscalationFactsService.class);

    private final ReportRepository reports;
    private final LifecycleService lifecycle;
    private final Clock clock;

    EscalationFactsService(ReportRepository reports, LifecycleService lifecycle, Clock clock) {
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public Uni<Void> onSlaScheduled(EventType type, SlaScheduled scheduled) {
        return withReport(type, scheduled.reportId(), report -> {
            report.clockScheduled(scheduled.clockKind(), scheduled.dueAt(),
                    scheduled.reason() == ScheduleReason.RESTARTED, scheduled.provisional());
            return Uni.createFrom().voidItem();
        });
    }

    /** 75 % of a clock's time has passed: worklists show the report as warned until the clock stops or breaches. */
    public Uni<Void> onSlaWarned(EventType type, SlaWarned warned) {
        return withReport(type, warned.reportId(), report -> {
            report.clockWarned(warned.clockKind(), warned.warnedAt());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> onSlaBreached(EventType type, SlaBreached breached) {
        return withReport(type, breached.reportId(), report -> {
            report.clockBreached(breached.clockKind(), breached.breachedAt());
            return Uni.createFrom().voidItem();
        });
    }

    /** The report waits for the agencies (ESCALATED) from any state that allows it. */
    public Uni<Void> onOpened(EventType type, EscalationOpened opened) {
        return withReport(type, opened.reportId(), report -> {
            String note = "escalated (%s) to %s".formatted(opened.trigger(), opened.agencies().stream()
                    .map(agency -> agency.agencyCode() + (agency.lead() ? " (lead)" : ""))
                    .collect(Collectors.joining(", ")));
            if (!report.canEscalate()) {
                return notApplied(report, LifecycleService.SYSTEM, note);
            }
            return lifecycle.applied(report, r -> r.escalateTo(opened.escalationId(), opened.leadAgencyCode()),
                    LifecycleService.SYSTEM, note, EventType.COMPLAINT_ESCALATED).replaceWithVoid();
        });
    }

    /**
     * The escalation was resolved (its lead agency's outcome): NOT_RESOLVABLE hands the report back as RESPONDED for
     * the community to decide what next; any other outcome resolves it and the reporter is asked for a rating. A part
     * resolved by another agency of a joint escalation is history only.
     */
    public Uni<Void> onResolved(EventType type, EscalationChanged changed) {
        return withReport(type, changed.reportId(), report -> {
            String note = "agency %s resolved: %s".formatted(changed.agencyCode(), changed.outcome());
            if (changed.escalationStatus() != EscalationState.RESOLVED || !report.waitsFor(changed.escalationId())) {
                return notApplied(report, Roles.AGENCY, note);
            }
            EventType announced = changed.outcome() == Outcome.NOT_RESOLVABLE ? EventType.COMPLAINT_RESPONDED
                    : EventType.COMPLAINT_RESOLVED;
            return lifecycle.applied(report, r -> r.agencyResolved(changed.outcome(), clock.instant()), Roles.AGENCY,
                    note, announced).replaceWithVoid();
        });
    }

    /** The escalation was returned as not the agencies' responsibility: the community handles the report again. */
    public Uni<Void> onReturned(EventType type, EscalationChanged changed) {
        return withReport(type, changed.reportId(), report -> {
            String note = "returned by agency %s: %s".formatted(changed.agencyCode(), changed.returnReason());
            if (changed.escalationStatus() != EscalationState.RETURNED || !report.waitsFor(changed.escalationId())) {
                return notApplied(report, Roles.AGENCY, note);
            }
            // the contract has no event for a return: the history has it
            return lifecycle.applied(report, Report::returnToCommunity, Roles.AGENCY, note).replaceWithVoid();
        });
    }

    /** Acknowledged, progress reported, the agency's deadline missed: news for the history, nothing changes. */
    public Uni<Void> onNews(EventType type, EscalationChanged changed) {
        return withReport(type, changed.reportId(), report -> {
            String what = switch (type) {
                case ESCALATION_ACKNOWLEDGED -> "escalation acknowledged by agency ";
                case ESCALATION_PROGRESSED -> "progress reported by agency ";
                default -> "escalation deadline missed by agency ";
            };
            return lifecycle.recorded(report, Roles.AGENCY, what + changed.agencyCode()).replaceWithVoid();
        });
    }

    private Uni<Void> notApplied(Report report, String actorRole, String note) {
        return lifecycle.recorded(report, actorRole, note + " (the report stays " + report.status + ")")
                .replaceWithVoid();
    }

    /** An event about a report this service does not have is skipped: nothing to apply it to. */
    private Uni<Void> withReport(EventType type, UUID reportId, Function<Report, Uni<Void>> apply) {
        return reports.findById(reportId).chain(report -> {
            if (report == null) {
                LOG.infof("skipped %s for report %s: no such report", type.type(), reportId);
                return Uni.createFrom().voidItem();
            }
            return apply.apply(report);
        });
    }
}
