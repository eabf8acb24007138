package org.lookout.escalation.clock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.escalation.domain.SlaClock;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    public Uni<List<SlaClock>> ofReport(UUID reportId) {
        return list("reportId", Sort.ascending("kind"), reportId);
    }

    /**
     * The clocks of a report, locked for this transaction: a change waits for a sweep that holds one of them (and the
     * sweep skips them meanwhile), then sees its current state.
     */
    public Uni<List<SlaClock>> lockOfReport(UUID reportId) {
        return find("reportId", Sort.ascending("kind"), reportId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Running clocks whose warning point has come and that have not warned, locked for this transaction; rows another
     * instance is working on are skipped, so no warning fires twice.
     */
    public Uni<List<SlaClock>> lockWarningsDue(Instant now, int limit) {
        return lockDue("warned_at is null and warn_at <= :now order by warn_at", now, limit);
    }

    /** Running clocks whose deadline has passed, locked for this transaction (see {@link #lockWarningsDue}). */
    public Uni<List<SlaClock>> lockBreachesDue(Instant now, int limit) {
        return lockDue("due_at <= :now order by due_at", now, limit);
    }

    private Uni<List<SlaClock>> lockDue(String condition, Instant now, int limit) {
        return getSession().chain(session -> session
                .createNativeQuery("select * from sla_clock where state = 'RUNNING' and " + condition
                        + " limit :limit for update skip locked", SlaClock.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
