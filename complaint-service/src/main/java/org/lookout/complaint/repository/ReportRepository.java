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

    /**
     * The newest open reports of an item in a community received since {@code since} that are in the building (compared
     * without case and spaces) or inside the bounding box (null: no coordinates to compare), at most {@code limit}.
     * Filtered in SQL on index {@code report_community_received}, read as plain rows (no entities in the session): the
     * cost stays bounded however many similar reports a community has.
     */
    public Uni<List<Object[]>> similarOpenSince(String itemCode, String communityCode, Instant since, UUID except,
            String buildingKey, double[] box, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                select tracking_number, status, received_at, latitude, longitude, building from report
                 where community_code = :community and item_code = :item and received_at >= :since and id <> :except
                   and status not in ('CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
                   and ((:building <> '' and lower(regexp_replace(coalesce(building, ''), '\\s+', '', 'g')) = :building)
                        or (:hasBox and latitude between :minLat and :maxLat and longitude between :minLon and :maxLon))
                 order by received_at desc limit :limit""", Object[].class)
                .setParameter("community", communityCode)
                .setParameter("item", itemCode)
                .setParameter("since", since)
                .setParameter("except", except)
                .setParameter("building", buildingKey)
                .setParameter("hasBox", box != null)
                .setParameter("minLat", box == null ? 0d : box[0])
                .setParameter("maxLat", box == null ? 0d : box[1])
                .setParameter("minLon", box == null ? 0d : box[2])
                .setParameter("maxLon", box == null ? 0d : box[3])
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
