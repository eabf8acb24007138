package org.lookout.complaint.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;

import org.hibernate.StaleStateException;
import org.lookout.complaint.domain.AssigneeUnit;
import org.lookout.complaint.domain.RejectReason;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.complaint.domain.ReportStatus;
import org.lookout.complaint.domain.ResponseKind;
import org.lookout.complaint.messaging.outgoing.ComplaintEvents;
import org.lookout.contracts.EventType;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The lifecycle commands of ARCHITECTURE §5. Each loads the report, checks that the caller may act on it
 * ({@link ReportAccess}), asks the {@link Report} for one move of its table, and stores the change, its history entry
 * and its events in one transaction; the version bump guards against two handlers moving the same report at once (the
 * loser gets a 409 {@code concurrent-change} problem and nothing of its request is stored).
 */
@ApplicationScoped
public class LifecycleService {

    /** The longest note a command keeps in the history. */
    static final int NOTE_LENGTH = 1000;

    /** The actor of a change the service makes by itself (an escalation opened, the rating window). */
    static final String SYSTEM = "system";

    /** The actor of what the holder of an anonymous report's tracking code and secret does. */
    public static final String ANONYMOUS_REPORTER = "anonymous";

    static final String ON_SITE_AFTER_CONTACT = "on site after the first contact";

    private final ReportRepository reports;
    private final ReportAccess access;
    private final ComplaintEvents events;
    private final Clock clock;

    LifecycleService(ReportRepository reports, ReportAccess access, ComplaintEvents events, Clock clock) {
        this.reports = reports;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public Uni<ReportView> accept(UUID id, @Valid AcceptReportRequest request, Caller caller) {
        return handle(id, caller, report -> accept(report, request, actorRole(caller)));
    }

    public Uni<ReportView> reject(UUID id, @Valid RejectReportRequest request, Caller caller) {
        boolean duplicate = request.reason() == RejectReason.DUPLICATE;
        if (duplicate && request.duplicateOf() == null) {
            throw ProblemException.badRequest("duplicateOf", "is required when the reason is DUPLICATE");
        }
        return inTransaction(() -> access.toHandle(id, caller)
                .call(report -> duplicate ? checkDuplicateOf(report, request.duplicateOf()) : Uni.createFrom().voidItem())
                .chain(report -> applied(report, r -> r.reject(request.reason(), request.duplicateOf()),
                        actorRole(caller), request.note(), EventType.COMPLAINT_REJECTED)));
    }

    public Uni<ReportView> assign(UUID id, @Valid AssignReportRequest request, Caller caller) {
        checkAssignee(request);
        return handle(id, caller, report -> assign(report, request, actorRole(caller)));
    }

    public Uni<ReportView> respond(UUID id, @Valid RecordResponseRequest request, Caller caller) {
        return handle(id, caller, report -> respond(report, request, actorRole(caller)));
    }

    public Uni<ReportView> resolve(UUID id, @Valid ResolveReportRequest request, Caller caller) {
        return handle(id, caller, report -> resolve(report, request, actorRole(caller)));
    }

    // -- the same moves on a report already loaded and checked (one action works many reports: action.ActionService)

    public Uni<ReportView> accept(Report report, AcceptReportRequest request, String actorRole) {
        return applied(report, Report::accept, actorRole, request.note(), EventType.COMPLAINT_ACCEPTED);
    }

    /** 400 naming {@code staffMember} when the unit is STAFF and no staff member is named. */
    public static void checkAssignee(AssignReportRequest request) {
        if (request.unit() == AssigneeUnit.STAFF && request.staffMember() == null) {
            throw ProblemException.badRequest("staffMember", "is required when the unit is STAFF");
        }
    }

    public Uni<ReportView> assign(Report report, AssignReportRequest request, String actorRole) {
        String staffMember = request.unit() == AssigneeUnit.STAFF ? request.staffMember() : null;
        if (report.status == ReportStatus.ASSIGNED && report.assigneeUnit == request.unit()
                && java.util.Objects.equals(report.assigneeStaff, staffMember)) {
            // the assignment it already has: a client's retry after a lost answer (./lookout chaos found the second
            // ASSIGNED entry and event this made); nothing changes, so nothing is written or announced
            return Uni.createFrom().item(ReportView.of(report));
        }
        return applied(report, r -> r.assign(request.unit(), request.staffMember()), actorRole, request.note(),
                EventType.COMPLAINT_ASSIGNED);
    }

    /**
     * The first response moves the report to RESPONDED (and stops its response clock); an on-site visit after a first
     * contact is recorded without a move and without an event: it is what the response rate counts.
     */
    public Uni<ReportView> respond(Report report, RecordResponseRequest request, String actorRole) {
        if (request.kind() == ResponseKind.ON_SITE_VISIT && report.awaitsOnSiteVisit()) {
            String note = request.note() == null ? ON_SITE_AFTER_CONTACT
                    : ON_SITE_AFTER_CONTACT + ": " + request.note().strip();
            return applied(report, r -> r.visitOnSite(request.respondedAt()), actorRole, note);
        }
        return applied(report, r -> r.respond(request.kind(), request.respondedAt()), actorRole, request.note(),
                EventType.COMPLAINT_RESPONDED);
    }

    public Uni<ReportView> resolve(Report report, ResolveReportRequest request, String actorRole) {
        return applied(report, r -> r.resolve(clock.instant(), request.result()), actorRole, request.result(),
                EventType.COMPLAINT_RESOLVED);
    }

    public Uni<ReportView> close(UUID id, @Valid CloseReportRequest request, Caller caller) {
        Consumer<Report> close = request.resolvable() ? report -> report.close(clock.instant())
                : report -> report.closeUnresolvable(clock.instant());
        return handle(id, caller, report -> applied(report, close, actorRole(caller), request.note(),
                EventType.COMPLAINT_CLOSED));
    }

    /** Only the reporter rates; for anyone else the report does not exist. */
    public Uni<ReportView> rate(UUID id, @Valid RateReportRequest request, Caller caller) {
        boolean satisfied = request.satisfied();
        return inTransaction(() -> access.toRate(id, caller).chain(report -> rated(report, satisfied,
                r -> r.rate(satisfied, clock.instant()), actorRole(caller), request.note())));
    }

    /**
     * Staff begin waiting for the reporter (more information, access to the flat): the status stays, the SLA clocks
     * pause ({@code paused}). The reason stays in the history, never on a topic.
     */
    public Uni<ReportView> awaitReporter(UUID id, @Valid AwaitReporterRequest request, Caller caller) {
        return inTransaction(() -> access.toWork(id, caller).chain(report -> applied(report,
                r -> r.waitForReporter(clock.instant()), actorRole(caller), request.note(),
                EventType.COMPLAINT_PAUSED)));
    }

    /** The reporter answered: the wait ends and the SLA clocks resume ({@code resumed}). */
    public Uni<ReportView> reporterAnswered(UUID id, Caller caller) {
        return inTransaction(() -> access.toWork(id, caller).chain(report -> applied(report,
                Report::reporterAnswered, actorRole(caller), "the reporter answered", EventType.COMPLAINT_RESUMED)));
    }

    /**
     * Applies one move to the report and writes its history entry and the events announcing it, in the caller's
     * transaction; for the commands above and for what the service does by itself ({@code actorRole} says who).
     */
    public Uni<ReportView> applied(Report report, Consumer<Report> move, String actorRole, String note,
            EventType... announced) {
        ReportStatus from = report.status;
        move.accept(report);
        Instant now = clock.instant();
        Uni<Void> written = reports.append(ReportHistoryEntry.change(report.id, from, report.status, actorRole, note,
                now)).replaceWithVoid();
        for (EventType type : announced) {
            written = written.chain(() -> events.statusChanged(type, report, from, now));
        }
        return written.map(ignored -> ReportView.of(report));
    }

    /** A history entry that changes nothing (news of an escalation the report cannot follow). */
    Uni<ReportView> recorded(Report report, String actorRole, String note) {
        return applied(report, unchanged -> {
        }, actorRole, note);
    }

    private Uni<ReportView> handle(UUID id, Caller caller, Function<Report, Uni<ReportView>> move) {
        return inTransaction(() -> access.toHandle(id, caller).chain(report -> move.apply(report)));
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

    /**
     * A rating, by the reporter or recorded by staff ({@code rate} applies it): {@code rated}, then {@code closed}
     * (satisfied) or {@code reopened}, in the caller's transaction.
     */
    public Uni<ReportView> rated(Report report, boolean satisfied, Consumer<Report> rate, String actorRole,
            String note) {
        return applied(report, rate, actorRole, note, EventType.COMPLAINT_RATED,
                satisfied ? EventType.COMPLAINT_CLOSED : EventType.COMPLAINT_REOPENED);
    }

    /** One transaction; a concurrent change of the same report that committed first wins (the version check). */
    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work)
                .onFailure(LifecycleService::lostTheRace)
                .transform(lost -> ProblemException.concurrentChange("the report"));
    }

    private static boolean lostTheRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** The role a history entry records: the one the caller acted in. */
    public static String actorRole(Caller caller) {
        return caller.actingRole().orElse(Roles.RESIDENT);
    }
}
