package org.lookout.cadre.opinion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.cadre.domain.IntegrityOpinion;
import org.lookout.cadre.domain.OpinionStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OpinionRepository implements PanacheRepositoryBase<IntegrityOpinion, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("requestedAt").and("id");

    public Uni<IntegrityOpinion> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The requests of these communities, newest first; only open ones past their deadline when {@code overdueAt}. */
    public Uni<List<IntegrityOpinion>> inCommunities(Collection<String> communities, Instant overdueAt, int limit) {
        Parameters parameters = Parameters.with("communities", communities);
        String query = "communityCode in :communities";
        if (overdueAt != null) {
            query += " and status in :open and dueAt <= :now";
            parameters.and("open", List.of(OpinionStatus.REQUESTED, OpinionStatus.DRAFTED)).and("now", overdueAt);
        }
        return find(query, NEWEST_FIRST, parameters).page(0, limit).list();
    }

    public Uni<List<IntegrityOpinion>> withoutDeadline(int limit) {
        return find("dueAt is null and status in ?1", Sort.by("requestedAt").and("id"),
                List.of(OpinionStatus.REQUESTED, OpinionStatus.DRAFTED)).page(0, limit).list();
    }

    /** Open requests past their deadline not announced yet, locked; another instance skips them. */
    public Uni<List<IntegrityOpinion>> lockMissing(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("select * from integrity_opinion"
                + " where status in ('REQUESTED', 'DRAFTED') and due_at <= :now and overdue_at is null"
                + " order by due_at limit :limit for update skip locked", IntegrityOpinion.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<List<UUID>> citations(UUID opinionId) {
        return getSession().chain(session -> session
                .createNativeQuery("select entry_id from opinion_citation where opinion_id = :opinion order by entry_id",
                        Object.class)
                .setParameter("opinion", opinionId)
                .getResultList())
                .map(ids -> ids.stream().map(UUID.class::cast).toList());
    }

    /** Replaces what a draft cites. */
    public Uni<Void> cite(UUID opinionId, Collection<UUID> entries) {
        return getSession().chain(session -> {
            Uni<Integer> chain = session.createNativeQuery("delete from opinion_citation where opinion_id = :opinion")
                    .setParameter("opinion", opinionId)
                    .executeUpdate();
            for (UUID entry : entries) {
                chain = chain.chain(() -> session
                        .createNativeQuery("insert into opinion_citation (opinion_id, entry_id) values (:opinion, :entry)")
                        .setParameter("opinion", opinionId)
                        .setParameter("entry", entry)
                        .executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }
}
