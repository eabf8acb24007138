package org.lookout.complaint.roster;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.Lookout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The roster: appointments, their activity (from the reports they filed) and the community's registered buildings. */
@ApplicationScoped
public class RosterRepository implements PanacheRepositoryBase<Lookout, UUID> {

    /**
     * Per lookout of the community: reports filed as a lookout, of them confirmed (taken on: neither RECEIVED nor
     * REJECTED) and resolved (RESOLVED or CLOSED), in total and among those received since {@code monthStart}.
     * Confidential reports are not counted: who reported an official is nobody's business in the community.
     */
    private static final String ACTIVITY = """
            select l.id,
                   count(r.id) as filed,
                   count(r.id) filter (where r.status not in ('RECEIVED', 'REJECTED')) as confirmed,
                   count(r.id) filter (where r.status in ('RESOLVED', 'CLOSED')) as resolved,
                   count(r.id) filter (where r.received_at >= :monthStart) as filed_month,
                   count(r.id) filter (where r.received_at >= :monthStart
                                         and r.status not in ('RECEIVED', 'REJECTED')) as confirmed_month,
                   count(r.id) filter (where r.received_at >= :monthStart
                                         and r.status in ('RESOLVED', 'CLOSED')) as resolved_month
              from lookout l
              left join report r on r.filed_by_ref = l.reporter_ref and r.filed_by_role = 'lookout'
                                and not r.confidential
             where l.id in (:ids)
             group by l.id""";

    /** What a lookout did, in total and this month. */
    public record Activity(long filed, long confirmed, long resolved, long filedThisMonth, long confirmedThisMonth,
            long resolvedThisMonth) {

        static final Activity NONE = new Activity(0, 0, 0, 0, 0, 0);
    }

    Uni<List<Lookout>> ofCommunity(String community, Boolean active) {
        return active == null ? list("communityCode", Sort.by("appointedOn").and("name"), community)
                : list("communityCode = ?1 and active = ?2", Sort.by("appointedOn").and("name"), community, active);
    }

    Uni<Boolean> activeAppointmentOf(String username) {
        return count("lower(username) = lower(?1) and active = true", username).map(n -> n > 0);
    }

    Uni<Map<UUID, Activity>> activity(List<UUID> ids, Instant monthStart) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createNativeQuery(ACTIVITY, Object[].class)
                .setParameter("ids", ids).setParameter("monthStart", monthStart).getResultList())
                .map(rows -> {
                    Map<UUID, Activity> activity = new HashMap<>();
                    for (Object[] row : rows) {
                        activity.put((UUID) row[0], new Activity(number(row[1]), number(row[2]), number(row[3]),
                                number(row[4]), number(row[5]), number(row[6])));
                    }
                    return activity;
                });
    }

    Uni<List<String>> buildings(String community) {
        return getSession().chain(session -> session.createNativeQuery(
                "select building from community_building where community_code = :community order by building",
                Object.class).setParameter("community", community).getResultList())
                .map(RosterRepository::strings);
    }

    /** The community's registered buildings that no active lookout of it covers, in order. */
    Uni<List<String>> uncovered(String community) {
        return getSession().chain(session -> session.createNativeQuery("""
                select b.building from community_building b
                 where b.community_code = :community
                   and not exists (select 1 from lookout l where l.community_code = b.community_code and l.active
                                     and b.building = any(l.buildings))
                 order by b.building""", Object.class).setParameter("community", community).getResultList())
                .map(RosterRepository::strings);
    }

    /** Replaces the community's registered buildings (a community has tens of them: one insert each). */
    Uni<Void> registerBuildings(String community, List<String> buildings) {
        return getSession().chain(session -> {
            Uni<Integer> done = session
                    .createNativeQuery("delete from community_building where community_code = :community")
                    .setParameter("community", community).executeUpdate();
            for (String building : buildings) {
                done = done.chain(() -> session.createNativeQuery(
                        "insert into community_building (community_code, building) values (:community, :building)")
                        .setParameter("community", community).setParameter("building", building).executeUpdate());
            }
            return done;
        }).replaceWithVoid();
    }

    /**
     * Up to {@code limit} appointments whose account change is due, locked against other instances' jobs, and leased
     * until {@code leaseUntil} so a slow Keycloak call is not started twice.
     */
    Uni<List<Lookout>> leaseDueAccounts(Instant now, Instant leaseUntil, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                select * from lookout
                 where account_state not in ('GRANTED', 'REVOKED') and account_next_attempt_at <= :now
                 order by account_next_attempt_at
                 limit :limit
                 for update skip locked""", Lookout.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(due -> due.forEach(lookout -> lookout.accountNextAttemptAt = leaseUntil));
    }

    Uni<Community> community(String code) {
        return getSession().chain(session -> session.find(Community.class, code));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A column read as {@code Object} (see {@code docs/conventions.md}, native queries) back as text. */
    private static List<String> strings(List<Object> values) {
        return values.stream().map(String.class::cast).toList();
    }
}
