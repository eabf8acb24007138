package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The reports and their history; every feature that reads or changes a report goes through here. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Uni<Report> withTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResult();
    }

    /** The street of the report's community (whose supervisors see it); null for an unknown community. */
    public Uni<String> streetOf(Report report) {
        return getSession().chain(session -> session.find(Community.class, report.communityCode))
                .map(community -> community == null ? null : community.streetCode);
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
