package org.lookout.complaint.casefile;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.CaseRead;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseReadRepository implements PanacheRepositoryBase<CaseRead, Long> {

    /** Who read the report's case files, newest first (at most {@code limit}). */
    public Uni<List<CaseRead>> ofReport(UUID reportId, int limit) {
        return find("reportId", Sort.descending("at", "id"), reportId).page(0, limit).list();
    }
}
