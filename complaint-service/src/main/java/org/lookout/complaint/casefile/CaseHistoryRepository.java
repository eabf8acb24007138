package org.lookout.complaint.casefile;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.CaseHistoryEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseHistoryRepository implements PanacheRepositoryBase<CaseHistoryEntry, Long> {

    /** The escalation's events, oldest first. */
    public Uni<List<CaseHistoryEntry>> of(UUID escalationId) {
        return list("escalationId", Sort.ascending("at", "id"), escalationId);
    }
}
