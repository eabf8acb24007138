package org.lookout.complaint.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.AssigneeUnit;
import org.lookout.complaint.domain.RejectReason;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.messaging.ComplaintEvents;
import org.lookout.complaint.repository.ReportRepository;
import org.lookout.contracts.EventType;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The lifecycle commands of ARCHITECTURE §5. Each checks scope, then the transition against {@link ReportStatus}'s
 * table, and stores the change, its history entry and its events in one transaction (the version bump guards against
 * two handlers moving the same report at once).
 */
@ApplicationScoped
public class LifecycleService {

    /** The actor of a change the service makes by itself (an escalation's news, the rating window). */
    static final String SYSTEM = "system";

    private final ReportRepository reports;
    private final ReportQueryService queries;
    private final ComplaintEvents events;
    private final Clock clock;

    LifecycleService(ReportRepository reports, ReportQueryService queries, ComplaintEvents events, Clock clock) {
        this.reports = reports;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Report> accept(UUID id, @Valid LifecycleCommand.Accept command, Caller caller) {
        return handledBy(id, caller).chain(report -> move(report, ReportStatus.ACCEPTED, caller, command,
                EventType.COMPLAINT_ACCEPTED));
    }

    @WithTransaction
    public Uni<Report> reject(UUID id, @Valid LifecycleCommand.Reject command, Caller caller) {
        boolean duplicate = command.reason() == RejectReason.DUPLICATE;
        if (duplicate && command.duplicateOf() == null) {
            throw ProblemException.badRequest("duplicateOf", "is required when the reason is DUPLICATE");
        }
        return handledBy(id, caller)
                .call(report -> duplicate ? checkDuplicateOf(report, command.duplicateOf()) : Uni.createFrom().voidItem())
                .chain(report -> {
                    checkTransition(report, ReportStatus.REJECTED);
                    report.rejectReason = command.reason();
                    report.duplicateOf = duplicate ? command.duplicateOf() : null;
                    return move(report, ReportStatus.REJECTED, caller, command, EventType.COMPLAINT_REJECTED);
                });
    }

    @WithTransaction
    public Uni<Report> assign(UUID id, @Valid LifecycleCommand.Assign command, Caller caller) {
        boolean toStaff = command.unit() == AssigneeUnit.STAFF;
        if (toStaff && command.staffMember() == null) {
            throw ProblemException.badRequest("staffMember", "is required when the unit is STAFF");
        }
        return handledBy(id, caller).chain(report -> {
            checkTransition(report, ReportStatus.ASSIGNED);
            report.assigneeUnit = command.unit();
            report.assigneeStaff = toStaff ? command.staffMember() : null;
            return move(report, ReportStatus.ASSIGNED, caller, command, EventType.COMPLAINT_ASSIGNED);
        });
    }

    @WithTransaction
    public Uni<Report> respond(UUID id, @Valid LifecycleCommand.Respond command, Caller caller) {
        return handledBy(id, caller).chain(report -> {
            checkTransition(report, ReportStatus.RESPONDED);
            if (command.respondedAt().isBefore(report.receivedAt)) {
                throw ProblemException.badRequest("respondedAt", "is before the report was received");
            }
            report.responseKind = command.kind();
            report.respondedAt = command.respondedAt();
            return move(report, ReportStatus.RESPONDED, caller, command, EventType.COMPLAINT_RESPONDED);
        });
    }

    @WithTransaction
    public Uni<Report> resolve(UUID id, @Valid LifecycleCommand.Resolve command, Caller caller) {
        return handledBy(id, caller).chain(report -> {
            checkTransition(report, ReportStatus.RESOLVED);
            report.resolution = command.result().strip();
            report.resolvedAt = clock.instant();
            report.satisfied = null;
            return move(report, ReportStatus.RESOLVED, caller, command, EventType.COMPLAINT_RESOLVED);
        });
    }

    /** Only the reporter rates; for anyone else the report does not exist. */
    @WithTransaction
    public Uni<Report> feedback(UUID id, @Valid LifecycleCommand.Feedback command, Caller caller) {
        return queries.find(id, caller).chain(report -> {
            if (!queries.filedByCaller(report, caller)) {
                throw ProblemException.notFound("report " + id);
            }
            ReportStatus target = command.satisfied() ? ReportStatus.CLOSED : ReportStatus.REOPENED;
            checkTransition(report, target);
            report.satisfied = command.satisfied();
            if (command.satisfied()) {
                report.closedAt = clock.instant();
            }
            return move(report, target, caller, command, EventType.COMPLAINT_RATED,
                    command.satisfied() ? EventType.COMPLAINT_CLOSED : EventType.COMPLAINT_REOPENED);
        });
    }

    @WithTransaction
    public Uni<Report> close(UUID id, @Valid LifecycleCommand.Close command, Caller caller) {
        ReportStatus target = command.resolvable() ? ReportStatus.CLOSED : ReportStatus.CLOSED_UNRESOLVABLE;
        return handledBy(id, caller).chain(report -> {
            checkTransition(report, target);
            report.closedAt = clock.instant();
            return move(report, target, caller, command, EventType.COMPLAINT_CLOSED);
        });
    }

    /**
     * Staff begin waiting for the reporter (more information, access to the flat): the status stays, the SLA clocks
     * pause ({@code paused}). The reason stays in the history, never on a topic.
     */
    @WithTransaction
    public Uni<Report> awaitReporter(UUID id, @Valid LifecycleCommand.AwaitReporter command, Caller caller) {
        return handledOrSupervisedBy(id, caller).chain(report -> {
            checkWaitAllowed(report);
            if (report.awaitingReporterSince != null) {
                throw ProblemException.conflict("the report already waits for the reporter since "
                        + report.awaitingReporterSince);
            }
            report.awaitingReporterSince = clock.instant();
            return record(report, actorRole(caller), command.note(), EventType.COMPLAINT_PAUSED);
        });
    }

    /** The reporter answered: the wait ends and the SLA clocks resume ({@code resumed}). */
    @WithTransaction
    public Uni<Report> reporterAnswered(UUID id, Caller caller) {
        return handledOrSupervisedBy(id, caller).chain(report -> {
            checkWaitAllowed(report);
            if (report.awaitingReporterSince == null) {
                throw ProblemException.conflict("the report does not wait for the reporter");
            }
            report.awaitingReporterSince = null;
            return record(report, actorRole(caller), "the reporter answered", EventType.COMPLAINT_RESUMED);
        });
    }

    private static void checkWaitAllowed(Report report) {
        if (!report.status.allowsWaitingForReporter()) {
            throw ProblemException.conflict("a report in " + report.status + " does not wait for the reporter;"
                    + " only while ACCEPTED, ASSIGNED, RESPONDED, REOPENED or ESCALATED");
        }
    }

    /** Staff of the report's community, the supervisor of its street (the query checked that), or admin. */
    private Uni<Report> handledOrSupervisedBy(UUID id, Caller caller) {
        return queries.find(id, caller).invoke(report -> {
            boolean staffInScope = caller.is(Roles.STAFF) && caller.inCommunity(report.communityCode);
            boolean supervisorInScope = caller.is(Roles.SUPERVISOR) && !report.confidential;
            if (!caller.is(Roles.ADMIN) && !supervisorInScope && !staffInScope) {
                throw ProblemException.notFound("report " + id);
            }
        });
    }

    /** Staff of the report's community, or admin; a report outside the caller's scope is absent. */
    private Uni<Report> handledBy(UUID id, Caller caller) {
        return queries.find(id, caller).invoke(report -> {
            if (!caller.is(Roles.ADMIN) && !(caller.is(Roles.STAFF) && caller.inCommunity(report.communityCode))) {
                throw ProblemException.notFound("report " + id);
            }
        });
    }

    private Uni<Void> checkDuplicateOf(Report report, UUID duplicateOf) {
        if (duplicateOf.equals(report.id)) {
            throw ProblemException.unprocessable("duplicateOf", "is this report itself");
        }
        return reports.findById(duplicateOf)
                .invoke(original -> {
                    if (original == null || !original.communityCode.equals(report.communityCode)) {
                        throw ProblemException.unprocessable("duplicateOf", "is not a report of this community");
                    }
                })
                .replaceWithVoid();
    }

    private static void checkTransition(Report report, ReportStatus target) {
        if (!report.status.canMoveTo(target)) {
            throw new IllegalTransitionException(report.status, target);
        }
    }

    private Uni<Report> move(Report report, ReportStatus target, Caller caller, LifecycleCommand command,
            EventType... announced) {
        return change(report, target, actorRole(caller), command.note(), announced);
    }

    /**
     * Moves the report along its table, with its history entry and the events announcing the change, in the caller's
     * transaction; for the commands above and for what the service does by itself ({@code actorRole} says who). A wait
     * for the reporter ends where it cannot go on (resolved, closed, rejected): the clocks stop there anyway.
     */
    Uni<Report> change(Report report, ReportStatus target, String actorRole, String note, EventType... announced) {
        checkTransition(report, target);
        ReportStatus from = report.status;
        report.status = target;
        if (!target.allowsWaitingForReporter()) {
            report.awaitingReporterSince = null;
        }
        return written(report, from, actorRole, note, announced);
    }

    /** A history entry that changes nothing (the status stays), with the events announcing it. */
    Uni<Report> record(Report report, String actorRole, String note, EventType... announced) {
        return written(report, report.status, actorRole, note, announced);
    }

    private Uni<Report> written(Report report, ReportStatus from, String actorRole, String note,
            EventType... announced) {
        Instant now = clock.instant();
        Uni<Void> written = reports.append(historyEntry(report.id, from, report.status, actorRole, note, now))
                .replaceWithVoid();
        for (EventType type : announced) {
            written = written.chain(() -> events.statusChanged(type, report, from, now));
        }
        return written.replaceWith(report);
    }

    private static ReportHistoryEntry historyEntry(UUID reportId, ReportStatus from, ReportStatus to, String actorRole,
            String note, Instant at) {
        ReportHistoryEntry entry = new ReportHistoryEntry();
        entry.reportId = reportId;
        entry.at = at;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.actorRole = actorRole;
        entry.note = note == null || note.isBlank() ? null : note.strip();
        return entry;
    }

    /** The role a history entry records: the most specific one the caller acted in. */
    private static String actorRole(Caller caller) {
        for (String role : new String[] { Roles.ADMIN, Roles.SUPERVISOR, Roles.STAFF, Roles.LOOKOUT }) {
            if (caller.is(role)) {
                return role;
            }
        }
        return Roles.RESIDENT;
    }
}
