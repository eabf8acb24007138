package org.lookout.escalation.escalation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.domain.EscalationPart;
import org.lookout.escalation.domain.EscalationStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalationPartRepository implements PanacheRepositoryBase<EscalationPart, UUID> {

    /** The parts of an escalation, the lead first. */
    public Uni<List<EscalationPart>> of(UUID escalationId) {
        return list("escalationId", Sort.descending("lead").and("agencyCode"), escalationId);
    }

    /** Whether {@code agencyCode} has a part not yet resolved or returned in an escalation of the report. */
    public Uni<Boolean> activeOf(UUID reportId, String agencyCode) {
        return count("agencyCode = ?1 and status not in ?2 and escalationId in (select e.id from Escalation e"
                + " where e.reportId = ?3)", agencyCode, List.of(EscalationStatus.RESOLVED, EscalationStatus.RETURNED),
                reportId).map(count -> count > 0);
    }

    /** The parts of several escalations, for a list answer in one query. */
    public Uni<List<EscalationPart>> ofAll(Collection<UUID> escalationIds) {
        return escalationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("escalationId in ?1", Sort.descending("lead").and("agencyCode"), escalationIds);
    }
}
