package org.lookout.cadre.supervision;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.cadre.domain.SupervisionRecord;
import org.lookout.cadre.domain.SupervisionStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SupervisionRepository implements PanacheRepositoryBase<SupervisionRecord, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("receivedAt").and("id");

    public Uni<SupervisionRecord> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<SupervisionRecord> ofReport(UUID reportId) {
        return find("reportId", reportId).firstResult();
    }

    /** The record escalation-service knows by this id: a report's record, or one from no report by its own id. */
    public Uni<SupervisionRecord> lockByEscalationReference(UUID reference) {
        return find("reportId = ?1 or (reportId is null and id = ?1)", reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<SupervisionRecord> lockByEscalation(UUID escalationId) {
        return find("escalationId", escalationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<SupervisionRecord> byTrackingCode(String code) {
        return find("trackingCode", code).firstResult();
    }

    public Uni<List<SupervisionRecord>> inCommunities(Collection<String> communities, SupervisionStatus status,
            boolean overdueOnly, int page, int limit) {
        StringBuilder query = new StringBuilder("communityCode in :communities");
        Parameters parameters = Parameters.with("communities", communities);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (overdueOnly) {
            query.append(" and (acceptanceOverdueAt is not null or forwardingOverdueAt is not null)");
        }
        return find(query.toString(), NEWEST_FIRST, parameters).page(page, limit).list();
    }

    public Uni<List<SupervisionRecord>> ofNotice(UUID noticeId, int limit) {
        return find("noticeId", NEWEST_FIRST, noticeId).page(0, limit).list();
    }

    /** Records whose 12388 deadlines are still to be asked of the calendar, oldest first. */
    public Uni<List<SupervisionRecord>> withoutDeadlines(int limit) {
        return find("acceptanceDueAt is null", Sort.by("receivedAt").and("id")).page(0, limit).list();
    }

    /** Received records past a limit not announced yet, locked; another instance skips them. */
    public Uni<List<SupervisionRecord>> lockMissing(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("select * from supervision_record"
                + " where status = 'RECEIVED' and ((acceptance_due_at <= :now and acceptance_overdue_at is null)"
                + " or (forwarding_due_at <= :now and forwarding_overdue_at is null))"
                + " order by received_at limit :limit for update skip locked", SupervisionRecord.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
