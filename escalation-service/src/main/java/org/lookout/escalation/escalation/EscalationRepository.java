package org.lookout.escalation.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.contracts.EscalationTrigger;
import org.lookout.contracts.PartKind;
import org.lookout.escalation.domain.Escalation;
import org.lookout.escalation.domain.EscalationScope;
import org.lookout.escalation.domain.EscalationStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    private static final List<EscalationStatus> ACTIVE = List.of(EscalationStatus.OPEN, EscalationStatus.ACKNOWLEDGED,
            EscalationStatus.OVERDUE);

    /** Whether the report has an escalation of this trigger that must act and has not ended (copies do not count). */
    public Uni<Boolean> activeExists(UUID reportId, EscalationTrigger trigger) {
        return count("reportId = ?1 and trigger = ?2 and status in ?3 and kind = ?4", reportId, trigger, ACTIVE,
                PartKind.ACT).map(count -> count > 0);
    }

    /** The escalation locked for this transaction (an agency's change waits for the overdue sweep and vice versa). */
    public Uni<Escalation> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * At most {@code limit} of the escalations a caller may see ({@link EscalationScope#visible}), newest first, after
     * the cursor's (null: from the newest), optionally of one status and one report.
     */
    public Uni<List<Escalation>> visible(EscalationScope.Visible scope, EscalationStatus status, UUID reportId,
            EscalationCursor after, int limit) {
        Parameters parameters = new Parameters();
        List<String> any = new ArrayList<>();
        if (scope.all()) {
            any.add("1 = 1");
        }
        if (scope.confidential()) {
            any.add("e.confidential = true");
        }
        scope.agency().ifPresent(agency -> {
            any.add("e.id in (select p.escalationId from EscalationPart p where p.agencyCode = :agency)");
            parameters.and("agency", agency);
        });
        scope.community().ifPresent(community -> {
            any.add("(e.confidential = false and e.communityCode = :community)");
            parameters.and("community", community);
        });
        scope.street().ifPresent(street -> {
            any.add("(e.confidential = false and e.streetCode = :street)");
            parameters.and("street", street);
        });
        StringBuilder where = new StringBuilder(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
        if (status != null) {
            where.append(" and e.status = :status");
            parameters.and("status", status);
        }
        if (reportId != null) {
            where.append(" and e.reportId = :reportId");
            parameters.and("reportId", reportId);
        }
        if (after != null) {
            where.append(" and (e.openedAt < :afterAt or (e.openedAt = :afterAt and e.id < :afterId))");
            parameters.and("afterAt", after.openedAt()).and("afterId", after.id());
        }
        return find("from Escalation e where " + where, Sort.descending("openedAt", "id"), parameters)
                .page(Page.ofSize(limit)).list();
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
