package org.lookout.complaint.community;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.CommunityChange;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The communities and their streets: read often, changed by admin only, each change audited. */
@ApplicationScoped
public class CommunityRepository {

    public Uni<Community> find(String code) {
        return session().chain(session -> session.find(Community.class, code));
    }

    /** The community, locked until the end of the transaction, so two edits are audited one after the other. */
    Uni<Community> findForUpdate(String code) {
        return session().chain(session -> session.find(Community.class, code, LockMode.PESSIMISTIC_WRITE));
    }

    Uni<List<Community>> all() {
        return session().chain(session -> session.createQuery("from Community order by code", Community.class)
                .getResultList());
    }

    /** The communities that take new reports, by code. */
    Uni<List<Community>> active() {
        return session().chain(session -> session
                .createQuery("from Community where active order by code", Community.class).getResultList());
    }

    Uni<Boolean> streetExists(String code) {
        return session().chain(session -> session
                .createNativeQuery("select count(*) from street where code = :code", Object.class)
                .setParameter("code", code)
                .getSingleResult())
                .map(count -> ((Number) count).longValue() > 0);
    }


    Uni<CommunityChange> append(CommunityChange change) {
        return session().chain(session -> session.persist(change)).replaceWith(change);
    }

    /** The latest edits, newest first; of one community when {@code communityCode} is given. */
    Uni<List<CommunityChange>> changes(String communityCode, int limit) {
        String where = communityCode == null ? "" : " where communityCode = :community";
        return session().chain(session -> {
            var query = session.createQuery("from CommunityChange" + where + " order by at desc, id desc",
                    CommunityChange.class).setMaxResults(limit);
            return (communityCode == null ? query : query.setParameter("community", communityCode)).getResultList();
        });
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
