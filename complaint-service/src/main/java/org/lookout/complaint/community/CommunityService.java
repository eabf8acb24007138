package org.lookout.complaint.community;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.CommunityChange;
import org.lookout.complaint.messaging.outgoing.ReferenceDataEvents;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommunityRepository communities;
    private final ReferenceDataEvents events;
    private final Clock clock;
    private final CommunityFacts facts;

    CommunityService(CommunityRepository communities, ReferenceDataEvents events, Clock clock, CommunityFacts facts) {
        this.communities = communities;
        this.events = events;
        this.clock = clock;
        this.facts = facts;
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

    /**
     * Sets a community's names, street and whether it takes new reports; audited and published as a new revision.
     * Intake's copy of the community ({@link CommunityFacts}) is forgotten once the transaction has ended.
     */
    public Uni<CommunityView> edit(String code, @Valid EditCommunityRequest request, String actor) {
        return Panache.withTransaction(() -> editInTransaction(code, request, actor))
                .onTermination().invoke(() -> facts.forget(code));
    }

    private Uni<CommunityView> editInTransaction(String code, EditCommunityRequest request, String actor) {
        return lockedForEdit(code)
                .call(community -> communities.streetExists(request.streetCode()).invoke(exists -> {
                    if (!exists) {
                        throw ProblemException.unprocessable("streetCode", "is not a street");
                    }
                }))
                .chain(community -> audited(community, actor, (edited, at) -> {
                    edited.nameZh = request.nameZh().strip();
                    edited.nameEn = request.nameEn().strip();
                    edited.streetCode = request.streetCode();
                    edited.active = request.active();
                    edited.changed(at);
                }))
                .call(events::communityChanged)
                .map(CommunityView::of);
    }

    /** The community's boundary; 404 for an unknown community or one without a boundary yet. */
    @WithSession
    public Uni<BoundaryView> boundary(String code) {
        return communities.find(code)
                .map(community -> community == null ? null : community.boundary)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("boundary of community " + code))
                .map(CommunityService::view);
    }

    /**
     * Sets a community's boundary (400 naming the field for one that is not a valid polygon); audited. It is not part of
     * the published state, so the community keeps its revision.
     */
    @WithTransaction
    public Uni<BoundaryView> editBoundary(String code, @Valid EditBoundaryRequest request, String actor) {
        CommunityBoundary.of(request.type(), request.coordinates());
        String geoJson = geoJson(request);
        return lockedForEdit(code)
                .chain(community -> audited(community, actor, (edited, at) -> edited.boundary = geoJson))
                .map(community -> view(geoJson));
    }

    /** The community, locked until the end of the transaction, so two edits are audited one after the other. */
    private Uni<Community> lockedForEdit(String code) {
        return communities.findForUpdate(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("community " + code));
    }

    /** The edit applied at one instant and audited with the community's editable fields before and after. */
    private Uni<Community> audited(Community community, String actor, BiConsumer<Community, Instant> edit) {
        CommunityChange change = new CommunityChange();
        change.communityCode = community.code;
        change.actor = actor;
        change.at = clock.instant();
        change.before = CommunityChange.Snapshot.of(community);
        edit.accept(community, change.at);
        change.after = CommunityChange.Snapshot.of(community);
        return communities.append(change).replaceWith(community);
    }

    private static String geoJson(EditBoundaryRequest request) {
        try {
            return JSON.writeValueAsString(new BoundaryView(request.type(), request.coordinates()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed boundary could not be written back", e);
        }
    }

    private static BoundaryView view(String geoJson) {
        try {
            return JSON.readValue(geoJson, BoundaryView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored community boundary is not JSON", e);
        }
    }

    /** The latest 500 edits, newest first; of one community when {@code communityCode} is given. */
    @WithSession
    public Uni<List<CommunityAuditEntryView>> audit(String communityCode) {
        return communities.changes(communityCode, AUDIT_PAGE)
                .map(changes -> changes.stream().map(CommunityAuditEntryView::of).toList());
    }
}
