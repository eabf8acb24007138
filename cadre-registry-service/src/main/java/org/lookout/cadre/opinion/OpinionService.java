package org.lookout.cadre.opinion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.archive.ArchiveEntryView;
import org.lookout.cadre.archive.ArchiveService;
import org.lookout.cadre.calendar.WorkingDays;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.IntegrityOpinion;
import org.lookout.cadre.messaging.outgoing.CadreEvents;
import org.lookout.cadre.official.OfficialAccess;
import org.lookout.cadre.reference.Communities;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * 廉洁自律情况征求意见: an inspector of the official's street requests it with a deadline in working days; the staff of
 * the official's community draft it from the archive (which they may read for this, audited, while the request is open);
 * the community head approves and issues it; the inspector reads the issued opinion. Overdue requests are listed for
 * inspectors and supervisors of the street. Outside scope: 404.
 */
@ApplicationScoped
public class OpinionService {

    private final OpinionRepository opinions;
    private final OfficialAccess officials;
    private final Communities communities;
    private final ArchiveService archive;
    private final WorkingDays workingDays;
    private final CadreEvents events;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;

    OpinionService(OpinionRepository opinions, OfficialAccess officials, Communities communities, ArchiveService archive,
            WorkingDays workingDays, CadreEvents events, AuditTrail audit, CadreConfig config, Clock clock) {
        this.opinions = opinions;
        this.officials = officials;
        this.communities = communities;
        this.archive = archive;
        this.workingDays = workingDays;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** 201; the deadline is asked of the calendar first, and follows later when it does not answer. */
    public Uni<OpinionView> request(RequestOpinionRequest request, Caller caller) {
        int days = request.workingDays() == null ? config.opinionWorkingDays() : request.workingDays();
        if (days > config.maxOpinionWorkingDays()) {
            throw ProblemException.badRequest("workingDays", "must be at most " + config.maxOpinionWorkingDays());
        }
        Instant at = clock.instant();
        return workingDays.deadline(at, days).chain(due -> Panache.withTransaction(() -> officials
                .toInspect(request.officialId(), caller)
                .onFailure(ProblemException.class).transform(missing -> ProblemException.unprocessable("officialId",
                        "is not a registered official of your streets"))
                .chain(official -> {
                    IntegrityOpinion opinion = IntegrityOpinion.request(official, request.purpose().strip(), days, at,
                            caller.subject());
                    due.ifPresent(deadline -> opinion.schedule(deadline.dueAt(), deadline.provisional()));
                    return opinions.persist(opinion)
                            .chain(() -> events.opinionRequested(opinion))
                            .chain(() -> audit.append(AuditEntry.of(caller, "REQUEST_OPINION", target(opinion), null)))
                            .replaceWith(OpinionView.status(opinion, at));
                })));
    }

    /** Inspectors and supervisors: their streets' requests ({@code overdue}: open past the deadline); staff: their community's. */
    @WithSession
    public Uni<List<OpinionView>> list(Caller caller, boolean overdue) {
        Instant now = clock.instant();
        Uni<List<String>> scope = caller.is(Roles.STAFF)
                ? Uni.createFrom().item(caller.community().map(List::of).orElse(List.of()))
                : communities.inStreets(caller.streets());
        return scope.chain(codes -> codes.isEmpty() ? Uni.createFrom().item(List.<IntegrityOpinion>of())
                : opinions.inCommunities(codes, overdue ? now : null, config.pageLimit()))
                .map(found -> found.stream().map(opinion -> OpinionView.status(opinion, now)).toList());
    }

    /**
     * One request as the caller may see it: staff and head of the community the draft (a read of the draft is audited);
     * the inspector the issued opinion (audited); a supervisor where it stands.
     */
    @WithTransaction
    public Uni<OpinionView> get(UUID id, Caller caller, String reason) {
        Instant now = clock.instant();
        return toRead(id, caller).chain(opinion -> {
            if (caller.isStaffOf(opinion.communityCode)) {
                return cited(opinion).call(() -> audit.append(AuditEntry.of(caller, "READ_OPINION_DRAFT",
                        target(opinion), reason))).map(cited -> OpinionView.draft(opinion, cited, now));
            }
            if (caller.is(Roles.INSPECTOR) && opinion.issuedAt != null) {
                return audit.append(AuditEntry.of(caller, "READ_OPINION", target(opinion), reason))
                        .replaceWith(OpinionView.issued(opinion, now));
            }
            return Uni.createFrom().item(OpinionView.status(opinion, now));
        });
    }

    /** The official's archive for the staff drafting an open request; the read audited with its reason. */
    @WithTransaction
    public Uni<List<ArchiveEntryView>> archiveForDraft(UUID id, Caller caller, String reason) {
        return toDraft(id, caller, false).chain(opinion -> archive.views(opinion.officialId)
                .call(() -> audit.append(AuditEntry.of(caller, "READ_ARCHIVE",
                        "official " + opinion.officialId + " for " + target(opinion), reason))));
    }

    @WithTransaction
    public Uni<OpinionView> draft(UUID id, DraftOpinionRequest request, Caller caller) {
        return toDraft(id, caller, true).chain(opinion -> archive
                .citable(opinion.officialId, request.citedEntryIds(), "citedEntryIds")
                .chain(cited -> {
                    opinion.draft(request.text().strip(), clock.instant(), caller.subject());
                    return opinions.cite(opinion.id, cited.stream().map(entry -> entry.id).toList());
                })
                .chain(() -> audit.append(AuditEntry.of(caller, "DRAFT_OPINION", target(opinion), null)))
                .chain(() -> cited(opinion))
                .map(cited -> OpinionView.draft(opinion, cited, clock.instant())));
    }

    /** The community head approves and issues it. */
    @WithTransaction
    public Uni<OpinionView> issue(UUID id, Caller caller) {
        return toHead(id, caller).chain(opinion -> {
            opinion.issue(clock.instant(), caller.subject());
            return events.opinionIssued(opinion)
                    .chain(() -> audit.append(AuditEntry.of(caller, "ISSUE_OPINION", target(opinion), null)))
                    .chain(() -> cited(opinion))
                    .map(cited -> OpinionView.draft(opinion, cited, clock.instant()));
        });
    }

    /** The community head sends the draft back to staff. */
    @WithTransaction
    public Uni<OpinionView> returnToStaff(UUID id, String reason, Caller caller) {
        return toHead(id, caller).chain(opinion -> {
            opinion.returnToStaff(reason);
            return audit.append(AuditEntry.of(caller, "RETURN_OPINION", target(opinion), null))
                    .chain(() -> cited(opinion))
                    .map(cited -> OpinionView.draft(opinion, cited, clock.instant()));
        });
    }

    @WithTransaction
    public Uni<OpinionView> withdraw(UUID id, String reason, Caller caller) {
        return opinions.lock(id).chain(opinion -> opinion == null ? Uni.createFrom().<IntegrityOpinion> nullItem()
                : officials.inspects(caller, opinion.communityCode).map(allowed -> allowed ? opinion : null))
                .onItem().ifNull().failWith(() -> notFound(id))
                .chain(opinion -> {
                    opinion.withdraw(clock.instant(), reason);
                    return audit.append(AuditEntry.of(caller, "WITHDRAW_OPINION", target(opinion), null))
                            .replaceWith(OpinionView.status(opinion, clock.instant()));
                });
    }

    /** Staff of its community, inspectors and supervisors of its street; else 404. */
    private Uni<IntegrityOpinion> toRead(UUID id, Caller caller) {
        return opinions.findById(id).chain(opinion -> {
            if (opinion == null || caller.isStaffOf(opinion.communityCode)) {
                return Uni.createFrom().item(opinion);
            }
            return communities.streetOf(opinion.communityCode).map(street -> street
                    .filter(code -> caller.isInspectorOf(code) || caller.isSupervisorOf(code)).isPresent()
                            ? opinion : null);
        }).onItem().ifNull().failWith(() -> notFound(id));
    }

    /** For the staff of its community while it is open (drafting): 404 for others, 409 once it is closed. */
    private Uni<IntegrityOpinion> toDraft(UUID id, Caller caller, boolean lock) {
        return (lock ? opinions.lock(id) : opinions.findById(id))
                .onItem().ifNull().failWith(() -> notFound(id))
                .invoke(opinion -> {
                    if (!caller.isStaffOf(opinion.communityCode)) {
                        throw notFound(id);
                    }
                    if (!opinion.open()) {
                        throw ProblemException.illegalTransition(opinion.status, "draft",
                                IntegrityOpinion.TRANSITIONS.next(opinion.status));
                    }
                });
    }

    /** For the head of its community; its staff without the attribute are refused (403), others do not see it (404). */
    private Uni<IntegrityOpinion> toHead(UUID id, Caller caller) {
        return opinions.lock(id).onItem().ifNull().failWith(() -> notFound(id)).invoke(opinion -> {
            if (!caller.isStaffOf(opinion.communityCode)) {
                throw notFound(id);
            }
            if (!caller.isHeadOf(opinion.communityCode)) {
                throw ProblemException.forbidden("only the community head approves and issues an integrity opinion");
            }
        });
    }

    private Uni<List<ArchiveEntryView>> cited(IntegrityOpinion opinion) {
        return opinions.citations(opinion.id).chain(ids -> archive.citable(opinion.officialId, ids, "citedEntryIds"))
                .map(entries -> entries.stream().map(entry -> ArchiveEntryView.of(entry, null)).toList());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("integrity opinion " + id);
    }

    private static String target(IntegrityOpinion opinion) {
        return "integrity opinion " + opinion.id;
    }
}
