package org.lookout.cadre.tipoff;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.TipOff;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TipOffRepository implements PanacheRepositoryBase<TipOff, UUID> {

    /** Stores the tip-off unless its report has one already; answers whether it was stored. */
    public Uni<Boolean> insertIfAbsent(TipOff tipOff) {
        return getSession().chain(session -> session
                .createNativeQuery("insert into tip_off (id, report_id, tracking_number, community_code, received_at,"
                        + " status, source_event_id) values (:id, :reportId, :trackingNumber, :communityCode, :receivedAt,"
                        + " :status, :eventId) on conflict (report_id) do nothing")
                .setParameter("id", tipOff.id)
                .setParameter("reportId", tipOff.reportId)
                .setParameter("trackingNumber", tipOff.trackingNumber)
                .setParameter("communityCode", tipOff.communityCode)
                .setParameter("receivedAt", tipOff.receivedAt)
                .setParameter("status", tipOff.status.name())
                .setParameter("eventId", tipOff.sourceEventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Newest first. */
    public Uni<List<TipOff>> newest(int limit) {
        return findAll(Sort.descending("receivedAt").and("id")).page(0, limit).list();
    }
}
