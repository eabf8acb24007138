package org.lookout.complaint.community;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.CommunityChange;
import org.lookout.complaint.messaging.outgoing.ReferenceDataEvents;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The communities and the street each belongs to, owned here: edited by admin with an audit trail. Every edit is a new
 * revision, published whole ({@code community-changed}) in the edit's transaction.
 */
@ApplicationScoped
public class CommunityService {

    private static final int AUDIT_PAGE = 500;

    private final CommunityRepository communities;
    private final ReferenceDataEvents events;
    private final Clock clock;

    CommunityService(CommunityRepository communities, ReferenceDataEvents events, Clock clock) {
        this.communities = communities;
        this.events = events;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<CommunityView>> all() {
        return communities.all().map(found -> found.stream().map(CommunityView::of).toList());
    }

    @WithSession
    public Uni<CommunityView> find(String code) {
        return communities.find(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + code))
                .map(CommunityView::of);
    }

    /** Sets a community's names, street and whether it takes new reports; audited and published as a new revision. */
    @WithTransaction
    public Uni<CommunityView> edit(String code, @Valid EditCommunityRequest request, String actor) {
        return communities.findForUpdate(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + code))
                .call(community -> communities.streetExists(request.streetCode()).invoke(exists -> {
                    if (!exists) {
                        throw ProblemException.unprocessable("streetCode", "is not a street");
                    }
                }))
                .chain(community -> {
                    CommunityChange change = new CommunityChange();
                    change.communityCode = community.code;
                    change.actor = actor;
                    change.at = clock.instant();
                    change.before = CommunityChange.Snapshot.of(community);
                    community.nameZh = request.nameZh().strip();
                    community.nameEn = request.nameEn().strip();
                    community.streetCode = request.streetCode();
                    community.active = request.active();
                    community.changed(change.at);
                    change.after = CommunityChange.Snapshot.of(community);
                    return communities.append(change).chain(() -> events.communityChanged(community))
                            .map(ignored -> CommunityView.of(community));
                });
    }

    /** The latest 500 edits, newest first; of one community when {@code communityCode} is given. */
    @WithSession
    public Uni<List<CommunityAuditEntryView>> audit(String communityCode) {
        return communities.changes(communityCode, AUDIT_PAGE)
                .map(changes -> changes.stream().map(CommunityAuditEntryView::of).toList());
    }
}
