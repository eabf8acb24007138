package org.lookout.complaint.service;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.repository.ReportRepository;
import org.lookout.contracts.ClockKind;
import org.lookout.contracts.EscalationChanged;
import org.lookout.contracts.EscalationState;
import org.lookout.contracts.Outcome;
import org.lookout.contracts.ScheduleReason;
import org.lookout.contracts.EscalationOpened;
import org.lookout.contracts.EventType;
import org.lookout.contracts.SlaBreached;
import org.lookout.contracts.SlaScheduled;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * What escalation-service tells about a report, applied to it: SLA due times and breaches are stored on the report; an
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

    /** A clock got a due time; a restart begins the clock afresh, so its earlier breach no longer counts. */
    public Uni<Void> onSlaScheduled(EventType type, SlaScheduled scheduled) {
        return withReport(type, scheduled.reportId(), report -> {
            boolean restarted = scheduled.reason() == ScheduleReason.RESTARTED;
            if (scheduled.clockKind() == ClockKind.RESPONSE) {
                report.responseDueAt = scheduled.dueAt();
                report.responseBreachedAt = restarted ? null : report.responseBreachedAt;
            } else {
                report.resolutionDueAt = scheduled.dueAt();
                report.resolutionBreachedAt = restarted ? null : report.resolutionBreachedAt;
            }
            // once a due time of the report counted days without a holiday notice, the report says so
            report.dueProvisional = report.dueProvisional || scheduled.provisional();
            return Uni.createFrom().item(report);
        });
    }

    public Uni<Void> onSlaBreached(EventType type, SlaBreached breached) {
        return withReport(type, breached.reportId(), report -> {
            if (breached.clockKind() == ClockKind.RESPONSE) {
                report.responseBreachedAt = breached.breachedAt();
            } else {
                report.resolutionBreachedAt = breached.breachedAt();
            }
            return Uni.createFrom().item(report);
        });
    }

    /** The report waits for the agencies (ESCALATED) from any state that allows it. */
    public Uni<Void> onOpened(EventType type, EscalationOpened opened) {
        return withReport(type, opened.reportId(), report -> {
            String note = "escalated (%s) to %s".formatted(opened.trigger(), opened.agencies().stream()
                    .map(agency -> agency.agencyCode() + (agency.lead() ? " (lead)" : ""))
                    .collect(Collectors.joining(", ")));
            if (!report.status.canMoveTo(ReportStatus.ESCALATED)) {
                return notApplied(report, LifecycleService.SYSTEM, note);
            }
            report.escalationId = opened.escalationId();
            report.escalationOutcome = null;
            return lifecycle.change(report, ReportStatus.ESCALATED, LifecycleService.SYSTEM, note,
                    EventType.COMPLAINT_ESCALATED);
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
            if (changed.escalationStatus() != EscalationState.RESOLVED || !waitsFor(report, changed.escalationId())) {
                return notApplied(report, Roles.AGENCY, note);
            }
            report.escalationOutcome = changed.outcome().name();
            if (changed.outcome() == Outcome.NOT_RESOLVABLE) {
                return lifecycle.change(report, ReportStatus.RESPONDED, Roles.AGENCY, note,
                        EventType.COMPLAINT_RESPONDED);
            }
            report.resolvedAt = clock.instant();
            report.satisfied = null;
            return lifecycle.change(report, ReportStatus.RESOLVED, Roles.AGENCY, note, EventType.COMPLAINT_RESOLVED);
        });
    }

    /** The escalation was returned as not the agencies' responsibility: the community handles the report again. */
    public Uni<Void> onReturned(EventType type, EscalationChanged changed) {
        return withReport(type, changed.reportId(), report -> {
            String note = "returned by agency %s: %s".formatted(changed.agencyCode(), changed.returnReason());
            if (changed.escalationStatus() != EscalationState.RETURNED || !waitsFor(report, changed.escalationId())) {
                return notApplied(report, Roles.AGENCY, note);
            }
            return lifecycle.change(report, ReportStatus.ASSIGNED, Roles.AGENCY, note);
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
            return lifecycle.record(report, Roles.AGENCY, what + changed.agencyCode());
        });
    }

    private static boolean waitsFor(Report report, UUID escalationId) {
        return report.status == ReportStatus.ESCALATED && Objects.equals(report.escalationId, escalationId);
    }

    private Uni<Report> notApplied(Report report, String actorRole, String note) {
        return lifecycle.record(report, actorRole, note + " (the report stays " + report.status + ")");
    }

    /** An event about a report this service does not have is skipped: nothing to apply it to. */
    private Uni<Void> withReport(EventType type, UUID reportId, Function<Report, Uni<Report>> apply) {
        return reports.findById(reportId).chain(report -> {
            if (report == null) {
                LOG.infof("skipped %s for report %s: no such report", type.type(), reportId);
                return Uni.createFrom().voidItem();
            }
            return apply.apply(report).replaceWithVoid();
        });
    }
}
