package org.lookout.complaint.repository;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReportStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Uni<List<Report>> filedBy(String filedByRef) {
        return list("filedByRef", Sort.descending("receivedAt"), filedByRef);
    }

    /**
     * Resolved reports whose rating is due since {@code resolvedBefore}, oldest first, locked for this transaction and
     * skipped by any other instance's job (index {@code report_awaiting_rating}).
     */
    public Uni<List<Report>> lockUnratedResolvedBefore(Instant resolvedBefore, int limit) {
        return getSession().chain(session -> session
                .createNativeQuery("select * from report where status = 'RESOLVED' and satisfied is null"
                        + " and resolved_at <= :before order by resolved_at limit :limit for update skip locked",
                        Report.class)
                .setParameter("before", resolvedBefore)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Reports of an item in a community received since {@code since} and not in one of the {@code ended} states. */
    public Uni<List<Report>> openSince(String itemCode, String communityCode, Instant since, Set<ReportStatus> ended) {
        return list("itemCode = ?1 and communityCode = ?2 and receivedAt >= ?3 and status not in ?4",
                Sort.descending("receivedAt"), itemCode, communityCode, since, ended);
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
