package org.lookout.notification.delivery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** How delivery stores notifications: once per event, recipient and channel. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /**
     * Stores the notification unless its recipient already has one from the same event on the same channel.
     *
     * @return true when it was stored, false when it was a repeat
     */
    public Uni<Boolean> insertIfAbsent(Notification n) {
        return getSession().chain(session -> session
                .createNativeQuery("insert into notification (id, recipient_ref, channel, kind, reference, report_id,"
                        + " title_zh, body_zh, title_en, body_en, created_at, source_event_id)"
                        + " values (:id, :recipient, :channel, :kind, :reference, :reportId,"
                        + " :titleZh, :bodyZh, :titleEn, :bodyEn, :createdAt, :eventId)"
                        + " on conflict (source_event_id, recipient_ref, channel) do nothing")
                .setParameter("id", n.id)
                .setParameter("recipient", n.recipientRef)
                .setParameter("channel", n.channel.name())
                .setParameter("kind", n.kind.name())
                .setParameter("reference", n.reference)
                .setParameter("reportId", n.reportId)
                .setParameter("titleZh", n.titleZh)
                .setParameter("bodyZh", n.bodyZh)
                .setParameter("titleEn", n.titleEn)
                .setParameter("bodyEn", n.bodyEn)
                .setParameter("createdAt", n.createdAt)
                .setParameter("eventId", n.sourceEventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Notification> fromEvent(String sourceEventId, String recipientRef, DeliveryChannel channel) {
        return find("sourceEventId = ?1 and recipientRef = ?2 and channel = ?3", sourceEventId, recipientRef, channel)
                .firstResult();
    }
}
