package org.lookout.escalation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.escalation.domain.EscalationTrigger;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    private static final List<EscalationStatus> ACTIVE = List.of(EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED,
            EscalationStatus.OVERDUE);

    /** Whether the report has an escalation of this trigger that has not ended. */
    public Uni<Boolean> activeExists(UUID reportId, EscalationTrigger trigger) {
        return count("reportId = ?1 and trigger = ?2 and status in ?3", reportId, trigger, ACTIVE)
                .map(count -> count > 0);
    }

    /** The escalation locked for this transaction (an agency's change waits for the overdue sweep and vice versa). */
    public Uni<Escalation> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Escalations matching a caller's scope ({@code where} over {@code e}, with its {@code parameters}), newest first.
     */
    public Uni<List<Escalation>> matching(String where, Parameters parameters) {
        return find("from Escalation e where " + where, Sort.descending("openedAt", "id"), parameters).list();
    }

    /**
     * Open or acknowledged escalations whose deadline has passed and that were not marked overdue yet, locked for this
     * transaction; rows another instance is working on are skipped, so no deadline is missed twice.
     */
    public Uni<List<Escalation>> lockOverdue(Instant now, int limit) {
        return getSession().chain(session -> session
                .createNativeQuery("select * from escalation where status in ('OPEN', 'ACKNOWLEDGED')"
                        + " and overdue_at is null and due_at <= :now order by due_at limit :limit"
                        + " for update skip locked", Escalation.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
