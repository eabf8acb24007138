package org.lookout.cadre.reference;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.Community;
import org.lookout.contracts.CommunityChanged;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<Community, String> {

    /** Stores the community's state unless the copy holds this revision or a later one; answers whether it did. */
    public Uni<Boolean> storeIfNewer(CommunityChanged community) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into community (code, street_code, active, revision, changed_at)
                values (:code, :street, :active, :revision, :changedAt)
                on conflict (code) do update set street_code = excluded.street_code, active = excluded.active,
                    revision = excluded.revision, changed_at = excluded.changed_at
                where community.revision < excluded.revision""")
                .setParameter("code", community.communityCode())
                .setParameter("street", community.streetCode())
                .setParameter("active", community.active())
                .setParameter("revision", community.revision())
                .setParameter("changedAt", community.changedAt())
                .executeUpdate())
                .map(stored -> stored > 0);
    }

    public Uni<List<Community>> ofCodes(Collection<String> codes) {
        return list("code in ?1", codes);
    }

    public Uni<List<String>> codesInStreets(Collection<String> streets) {
        return list("streetCode in ?1", streets).map(found -> found.stream().map(community -> community.code).toList());
    }
}
