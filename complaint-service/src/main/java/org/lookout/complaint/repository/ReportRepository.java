package org.lookout.complaint.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Uni<List<Report>> filedBy(String filedByRef) {
        return list("filedByRef", Sort.descending("receivedAt"), filedByRef);
    }

    public Uni<ReportHistoryEntry> append(ReportHistoryEntry entry) {
        return getSession().chain(session -> session.persist(entry)).replaceWith(entry);
    }

    public Uni<List<ReportHistoryEntry>> history(UUID reportId) {
        return getSession().chain(session -> session
                .createQuery("from ReportHistoryEntry where reportId = :id order by id", ReportHistoryEntry.class)
                .setParameter("id", reportId)
                .getResultList());
    }
}
