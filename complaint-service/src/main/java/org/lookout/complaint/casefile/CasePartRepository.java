package org.lookout.complaint.casefile;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.CasePart;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CasePartRepository implements PanacheRepositoryBase<CasePart, CasePart.Key> {

    /** The agency's part of the escalation; null when it has none. */
    public Uni<CasePart> of(UUID escalationId, String agencyCode) {
        return findById(new CasePart.Key(escalationId, agencyCode));
    }

    /** Every part of the escalation, the lead first. */
    public Uni<List<CasePart>> ofEscalation(UUID escalationId) {
        return list("escalationId", Sort.descending("lead").and("agencyCode"), escalationId);
    }
}
