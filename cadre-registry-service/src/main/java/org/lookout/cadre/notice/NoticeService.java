package org.lookout.cadre.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.Notice;
import org.lookout.cadre.domain.Official;
import org.lookout.cadre.domain.SupervisionRecord;
import org.lookout.cadre.messaging.outgoing.CadreEvents;
import org.lookout.cadre.official.OfficialAccess;
import org.lookout.cadre.official.OfficialRepository;
import org.lookout.cadre.reference.Communities;
import org.lookout.cadre.supervision.SupervisionDeadlines;
import org.lookout.cadre.supervision.SupervisionRepository;
import org.lookout.cadre.supervision.SupervisionService;
import org.lookout.contracts.OfficialStatus;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * 三进社区 notices: an inspector of the official's street publishes one in the official's community; residents and
 * lookouts of that community (and its staff, and supervisors and inspectors of its street) read the public fields;
 * residents and lookouts comment inside the window, and each comment becomes a supervision record only inspectors read.
 * Outside the community a notice is absent (404).
 */
@ApplicationScoped
public class NoticeService {

    private final NoticeRepository notices;
    private final OfficialRepository officialRows;
    private final OfficialAccess officials;
    private final Communities communities;
    private final SupervisionService supervision;
    private final SupervisionRepository records;
    private final SupervisionDeadlines deadlines;
    private final CadreEvents events;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;

    NoticeService(NoticeRepository notices, OfficialRepository officialRows, OfficialAccess officials,
            Communities communities, SupervisionService supervision, SupervisionRepository records,
            SupervisionDeadlines deadlines, CadreEvents events, AuditTrail audit, CadreConfig config, Clock clock) {
        this.notices = notices;
        this.officialRows = officialRows;
        this.officials = officials;
        this.communities = communities;
        this.supervision = supervision;
        this.records = records;
        this.deadlines = deadlines;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<NoticeView> publish(PublishNoticeRequest request, Caller caller) {
        if (!request.windowEnd().isAfter(request.windowStart())) {
            throw ProblemException.badRequest("windowEnd", "must be after windowStart");
        }
        return officials.toInspect(request.officialId(), caller)
                .onFailure(ProblemException.class).transform(missing -> ProblemException.unprocessable("officialId",
                        "is not a registered official of your streets"))
                .chain(official -> {
                    if (official.status != OfficialStatus.ACTIVE) {
                        throw ProblemException.unprocessable("officialId", "the official is " + official.status);
                    }
                    Notice notice = Notice.publish(official, request.kind(), request.title().strip(),
                            request.body().strip(), request.windowStart(), request.windowEnd(), clock.instant(),
                            caller.subject());
                    return notices.persist(notice)
                            .chain(() -> events.noticePublished(notice))
                            .chain(() -> audit.append(AuditEntry.of(caller, "PUBLISH_NOTICE", target(notice), null)))
                            .replaceWith(NoticeView.forInspector(notice, official));
                });
    }

    /** The notices the caller may read, newest first: public fields, withdrawn ones too for inspectors. */
    @WithSession
    public Uni<List<NoticeView>> list(Caller caller) {
        boolean inspector = caller.is(Roles.INSPECTOR);
        Uni<List<String>> scope = inspector || caller.is(Roles.SUPERVISOR) ? communities.inStreets(caller.streets())
                : Uni.createFrom().item(caller.community().map(List::of).orElse(List.of()));
        return scope.chain(codes -> codes.isEmpty() ? Uni.createFrom().item(List.<Notice>of())
                : notices.inCommunities(codes, inspector, config.pageLimit()))
                .chain(found -> officialsOf(found).map(byId -> found.stream()
                        .map(notice -> view(notice, byId.get(notice.officialId), inspector)).toList()));
    }

    @WithSession
    public Uni<NoticeView> get(UUID id, Caller caller) {
        return toRead(id, caller).chain(notice -> officialRows.findById(notice.officialId)
                .map(official -> view(notice, official, caller.is(Roles.INSPECTOR))));
    }

    /**
     * A resident or lookout of the notice's community comments inside the window (else 409); the comment becomes a
     * supervision record; the commenter gets a tracking code and nothing here remembers who they are.
     */
    public Uni<SupervisionRecord> comment(UUID id, String text, boolean anonymous, Caller caller) {
        Instant at = clock.instant();
        return deadlines.of(at).chain(limits -> Panache.withTransaction(() -> toRead(id, caller)
                .chain(notice -> notices.lock(notice.id))
                .chain(notice -> {
                    if (!caller.inCommunity(notice.communityCode)) {
                        throw ProblemException.notFound("notice " + id);
                    }
                    notice.checkOpenForComments(at);
                    return supervision.commented(notice, text.strip(), anonymous, caller.actingRole().orElse(null),
                            limits, at);
                })));
    }

    /** The comments on a notice, for inspectors of its street; X-Access-Reason required, the read audited. */
    @WithTransaction
    public Uni<List<NoticeCommentView>> comments(UUID id, Caller caller, String reason) {
        return toInspect(id, caller)
                .chain(notice -> records.ofNotice(notice.id, config.pageLimit()))
                .call(found -> audit.append(AuditEntry.of(caller, "READ_NOTICE_COMMENTS",
                        "notice " + id + " (" + found.size() + " comments)", reason)))
                .map(found -> found.stream().map(NoticeCommentView::of).toList());
    }

    @WithTransaction
    public Uni<NoticeView> withdraw(UUID id, String reason, Caller caller) {
        return toInspect(id, caller).chain(notice -> notices.lock(notice.id)).chain(notice -> {
            notice.withdraw(clock.instant(), caller.subject(), reason);
            return events.noticeWithdrawn(notice)
                    .chain(() -> audit.append(AuditEntry.of(caller, "WITHDRAW_NOTICE", target(notice), null)))
                    .chain(() -> officialRows.findById(notice.officialId))
                    .map(official -> NoticeView.forInspector(notice, official));
        });
    }

    /** Residents, lookouts and staff of the notice's community; supervisors and inspectors of its street; else 404. */
    private Uni<Notice> toRead(UUID id, Caller caller) {
        return notices.findById(id).chain(notice -> {
            if (notice == null) {
                return Uni.createFrom().<Notice> nullItem();
            }
            if ((caller.isReporter() || caller.is(Roles.STAFF)) && caller.inCommunity(notice.communityCode)) {
                return Uni.createFrom().item(notice);
            }
            return communities.streetOf(notice.communityCode).map(street -> street
                    .filter(code -> caller.isInspectorOf(code) || caller.isSupervisorOf(code)).isPresent()
                            ? notice : null);
        }).onItem().ifNull().failWith(() -> ProblemException.notFound("notice " + id));
    }

    private Uni<Notice> toInspect(UUID id, Caller caller) {
        return notices.findById(id).chain(notice -> notice == null ? Uni.createFrom().<Notice> nullItem()
                : officials.inspects(caller, notice.communityCode).map(allowed -> allowed ? notice : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("notice " + id));
    }

    private Uni<Map<UUID, Official>> officialsOf(List<Notice> found) {
        List<UUID> ids = found.stream().map(notice -> notice.officialId).distinct().toList();
        return ids.isEmpty() ? Uni.createFrom().item(Map.of())
                : officialRows.list("id in ?1", ids).map(rows -> rows.stream()
                        .collect(Collectors.toMap(official -> official.id, Function.identity())));
    }

    private static NoticeView view(Notice notice, Official official, boolean inspector) {
        return inspector ? NoticeView.forInspector(notice, official) : NoticeView.publicFields(notice, official);
    }

    private static String target(Notice notice) {
        return "notice " + notice.id;
    }
}
