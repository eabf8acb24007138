package org.lookout.cadre.official;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.Official;
import org.lookout.cadre.reference.Communities;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Who may see an official, in one place: inspectors of the street the official's community lies in read everything;
 * staff of that community see name and post; nobody else anything. An official outside the caller's scope is absent
 * (404), so ids cannot be probed.
 */
@ApplicationScoped
public class OfficialAccess {

    private final OfficialRepository officials;
    private final Communities communities;

    OfficialAccess(OfficialRepository officials, Communities communities) {
        this.officials = officials;
        this.communities = communities;
    }

    /** The official, for an inspector of its community's street. */
    public Uni<Official> toInspect(UUID id, Caller caller) {
        return find(id).chain(official -> inspects(caller, official.communityCode).map(allowed -> allowed ? official : null))
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    /** The official, for an inspector of its street or staff of its community. */
    public Uni<Official> toSee(UUID id, Caller caller) {
        return find(id).chain(official -> caller.isStaffOf(official.communityCode) ? Uni.createFrom().item(official)
                : inspects(caller, official.communityCode).map(allowed -> allowed ? official : null))
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    /** Whether the caller inspects the street {@code communityCode} lies in (false for a community the copy lacks). */
    public Uni<Boolean> inspects(Caller caller, String communityCode) {
        if (!caller.is(Roles.INSPECTOR)) {
            return Uni.createFrom().item(false);
        }
        return communities.streetOf(communityCode).map(street -> street.filter(caller::isInspectorOf).isPresent());
    }

    private Uni<Official> find(UUID id) {
        return officials.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("official " + id);
    }
}
