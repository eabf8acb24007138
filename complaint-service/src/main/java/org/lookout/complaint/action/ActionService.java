package org.lookout.complaint.action;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportAction;
import org.lookout.complaint.lifecycle.AcceptReportRequest;
import org.lookout.complaint.lifecycle.AssignReportRequest;
import org.lookout.complaint.lifecycle.LifecycleService;
import org.lookout.complaint.lifecycle.RecordResponseRequest;
import org.lookout.complaint.lifecycle.ReportView;
import org.lookout.complaint.lifecycle.ResolveReportRequest;
import org.lookout.complaint.taxonomy.TaxonomyRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * One action for many reports (集中办理). Staff of a community (and admin) group open reports of that community into an
 * action and work it once: accept, assign, respond, resolve apply to every report of it in one transaction, each
 * report making the move itself with its own history entry and event — so each reporter is told, and asked for a
 * rating, as if the report had been worked alone. All or nothing: when one report cannot make the move, none does
 * (409 naming the report). A report leaves the action before it is resolved. Supervisors of the street read actions.
 */
@ApplicationScoped
public class ActionService {

    /** The most reports one request groups (the gas-alarm case had thirty). */
    public static final int MAX_REPORTS = 200;

    private final ActionRepository actions;
    private final TaxonomyRepository taxonomy;
    private final LifecycleService lifecycle;
    private final Clock clock;

    ActionService(ActionRepository actions, TaxonomyRepository taxonomy, LifecycleService lifecycle, Clock clock) {
        this.actions = actions;
        this.taxonomy = taxonomy;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public Uni<ActionView> create(@Valid CreateActionRequest request, Caller caller) {
        String role = LifecycleService.actorRole(caller);
        return LifecycleService.inTransaction(() -> taxonomy.item(request.itemCode())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("itemCode", "is not a taxonomy item"))
                .chain(item -> joinable(request.reportIds(), null, caller))
                .chain(reports -> {
                    ReportAction action = new ReportAction();
                    action.id = UUID.randomUUID();
                    action.communityCode = reports.getFirst().communityCode;
                    action.itemCode = request.itemCode();
                    action.title = request.title().strip();
                    action.createdAt = clock.instant();
                    return actions.persist(action).chain(() -> join(action, reports, role))
                            .map(views -> ActionView.of(action, views));
                }));
    }

    public Uni<ActionView> addReports(UUID id, @Valid AddReportsRequest request, Caller caller) {
        String role = LifecycleService.actorRole(caller);
        return LifecycleService.inTransaction(() -> toHandle(id, caller)
                .chain(action -> joinable(request.reportIds(), action.communityCode, caller)
                        .chain(reports -> join(action, reports, role))
                        .chain(() -> view(action))));
    }

    /** The report leaves the action and is worked on its own again (409 once it is resolved). */
    public Uni<ActionView> removeReport(UUID id, UUID reportId, Caller caller) {
        String role = LifecycleService.actorRole(caller);
        return LifecycleService.inTransaction(() -> toHandle(id, caller)
                .chain(action -> actions.reportsOf(action.id).chain(reports -> {
                    Report report = reports.stream().filter(r -> r.id.equals(reportId)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("report " + reportId + " of action " + id));
                    return lifecycle.applied(report, Report::leaveAction, role, "left the action: " + action.title)
                            .chain(() -> view(action));
                })));
    }

    public Uni<ActionView> accept(UUID id, @Valid AcceptReportRequest request, Caller caller) {
        return work(id, caller, (report, role) -> lifecycle.accept(report, request, role));
    }

    public Uni<ActionView> assign(UUID id, @Valid AssignReportRequest request, Caller caller) {
        LifecycleService.checkAssignee(request);
        return work(id, caller, (report, role) -> lifecycle.assign(report, request, role));
    }

    public Uni<ActionView> respond(UUID id, @Valid RecordResponseRequest request, Caller caller) {
        return work(id, caller, (report, role) -> lifecycle.respond(report, request, role));
    }

    public Uni<ActionView> resolve(UUID id, @Valid ResolveReportRequest request, Caller caller) {
        return work(id, caller, (report, role) -> lifecycle.resolve(report, request, role));
    }

    @WithSession
    public Uni<ActionView> find(UUID id, Caller caller) {
        return toRead(id, caller).chain(this::view);
    }

    /** The actions of a community (staff: their own by default), of a supervisor's street, or all (admin). */
    @WithSession
    public Uni<List<ActionView>> list(String community, Caller caller) {
        Uni<List<String>> communities;
        if (community != null && !community.isBlank()) {
            if (!community.matches("[A-Za-z0-9]{1,8}")) {
                throw ProblemException.badRequest("community", "is not a community code");
            }
            communities = actions.community(community).map(found -> {
                if (found == null || !ReportAccess.seesCommunity(caller, found.code, found.streetCode)) {
                    throw ProblemException.notFound("community " + community);
                }
                return List.of(found.code);
            });
        } else if (caller.is(Roles.ADMIN)) {
            communities = Uni.createFrom().nullItem();
        } else if (caller.is(Roles.SUPERVISOR)) {
            communities = actions.communitiesOf(caller.street().orElse(""));
        } else {
            communities = Uni.createFrom().item(caller.community().map(List::of).orElse(List.of()));
        }
        return communities.chain(codes -> actions.ofCommunities(codes)).chain(found -> {
            Uni<List<ActionView>> views = Uni.createFrom().item(new ArrayList<>());
            for (ReportAction action : found) {
                views = views.chain(list -> view(action).map(view -> {
                    list.add(view);
                    return list;
                }));
            }
            return views;
        });
    }

    /** One move for every report of the action, one after the other in one transaction; all or none. */
    private Uni<ActionView> work(UUID id, Caller caller, BiFunction<Report, String, Uni<ReportView>> move) {
        String role = LifecycleService.actorRole(caller);
        return LifecycleService.inTransaction(() -> toHandle(id, caller).chain(action -> actions.reportsOf(action.id)
                .chain(reports -> {
                    if (reports.isEmpty()) {
                        throw ProblemException.conflict("action " + id + " has no reports left to work");
                    }
                    Uni<List<ReportView>> done = Uni.createFrom().item(new ArrayList<>());
                    for (Report report : reports) {
                        // deferred: a refused move throws while it is being set up, and it is that refusal we name
                        done = done.chain(views -> Uni.createFrom().deferred(() -> move.apply(report, role))
                                .onFailure(ProblemException.class)
                                .transform(failure -> naming(report, (ProblemException) failure))
                                .map(view -> {
                                    views.add(view);
                                    return views;
                                }));
                    }
                    return done.map(views -> ActionView.of(action, views));
                })));
    }

    /**
     * The reports of {@code ids} (each once), each an open report the caller handles, all of one community (the
     * action's, when it exists); 422 naming {@code reportIds[i]} otherwise — the same answer for an id that does not
     * exist and one outside the caller's scope.
     */
    private Uni<List<Report>> joinable(List<UUID> ids, String community, Caller caller) {
        Set<UUID> unique = new LinkedHashSet<>(ids);
        return actions.reports(unique).map(found -> {
            Map<UUID, Report> byId = new LinkedHashMap<>();
            found.forEach(report -> byId.put(report.id, report));
            List<Report> reports = new ArrayList<>();
            String expected = community;
            for (UUID reportId : unique) {
                String field = "reportIds[" + ids.indexOf(reportId) + "]";
                Report report = byId.get(reportId);
                if (report == null || report.confidential
                        || !ReportAccess.handlesCommunity(caller, report.communityCode)) {
                    throw ProblemException.unprocessable(field, "is not a report of your community");
                }
                if (expected != null && !expected.equals(report.communityCode)) {
                    throw ProblemException.unprocessable(field, "is a report of community " + report.communityCode
                            + ", the action's reports are of " + expected);
                }
                if (!report.canJoinAction()) {
                    throw ProblemException.unprocessable(field, report.actionId != null ? "is already in an action"
                            : "is " + report.status + ": only open reports join an action");
                }
                expected = report.communityCode;
                reports.add(report);
            }
            return reports;
        });
    }

    private Uni<List<ReportView>> join(ReportAction action, List<Report> reports, String role) {
        Uni<List<ReportView>> joined = Uni.createFrom().item(new ArrayList<>());
        for (Report report : reports) {
            joined = joined.chain(views -> lifecycle.applied(report, r -> r.joinAction(action.id), role,
                    "joined the action: " + action.title).map(view -> {
                        views.add(view);
                        return views;
                    }));
        }
        return joined;
    }

    private Uni<ActionView> view(ReportAction action) {
        return actions.reportsOf(action.id)
                .map(reports -> ActionView.of(action, reports.stream().map(ReportView::of).toList()));
    }

    private Uni<ReportAction> toHandle(UUID id, Caller caller) {
        return actions.findById(id).invoke(action -> {
            if (action == null || !ReportAccess.handlesCommunity(caller, action.communityCode)) {
                throw ProblemException.notFound("action " + id);
            }
        });
    }

    private Uni<ReportAction> toRead(UUID id, Caller caller) {
        return actions.findById(id).chain(action -> action == null ? Uni.createFrom().<ReportAction> nullItem()
                : actions.community(action.communityCode).map(community -> ReportAccess.seesCommunity(caller,
                        action.communityCode, community.streetCode) ? action : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("action " + id));
    }

    /** A report's refusal, naming the report, so staff see which one holds the action up. */
    private static ProblemException naming(Report report, ProblemException refusal) {
        Map<String, Object> members = new LinkedHashMap<>(refusal.extensions());
        members.put("reportId", report.id.toString());
        members.put("trackingNumber", report.trackingNumber);
        return new ProblemException(refusal.type(), "report " + report.trackingNumber + ": " + refusal.getMessage(),
                refusal.errors(), members);
    }
}
