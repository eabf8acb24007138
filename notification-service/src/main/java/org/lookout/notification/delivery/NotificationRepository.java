package org.lookout.notification.delivery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * How the consumers store notifications, in their transaction: once per event, recipient and channel. Inbox entries are
 * numbered under a transaction-level advisory lock, so ids (the stream's event ids) are in commit order; a database
 * notification, sent when the transaction commits, wakes the live streams and the delivery worker.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** The channel {@code pg_notify} wakes listeners on; payload {@code inbox} or {@code delivery}. */
    public static final String CHANNEL = "lookout_notification";
    /** Serialises inbox numbering until commit: the order of seq is the order of commits. */
    private static final long INBOX_ORDER_LOCK = 1_204_012L;

    /**
     * Stores the notification unless its recipient already has one from the same event on the same channel.
     *
     * @return true when it was stored, false when it was a repeat
     */
    public Uni<Boolean> insertIfAbsent(Notification n) {
        Uni<Integer> ordered = n.channel == DeliveryChannel.INBOX
                ? getSession().chain(session -> session
                        .createNativeQuery("select pg_advisory_xact_lock(" + INBOX_ORDER_LOCK + ")").executeUpdate())
                : Uni.createFrom().item(0);
        return ordered.chain(ignored -> getSession()).chain(session -> session
                .createNativeQuery("insert into notification (id, recipient_ref, channel, kind, reference, report_id,"
                        + " title_zh, body_zh, title_en, body_en, created_at, source_event_id, rule_id, event_type, state,"
                        + " next_attempt_at, subscription_id, about_ref, webhook_body)"
                        + " values (:id, :recipient, :channel, :kind, :reference, :reportId,"
                        + " :titleZh, :bodyZh, :titleEn, :bodyEn, :createdAt, :eventId, :ruleId, :eventType, :state,"
                        + " :nextAttemptAt, :subscriptionId, :aboutRef, :webhookBody)"
                        + " on conflict (source_event_id, recipient_ref, channel) do nothing")
                .setParameter("id", n.id)
                .setParameter("recipient", n.recipientRef)
                .setParameter("channel", n.channel.name())
                .setParameter("kind", n.kind)
                .setParameter("reference", n.reference)
                .setParameter("reportId", n.reportId)
                .setParameter("titleZh", n.titleZh)
                .setParameter("bodyZh", n.bodyZh)
                .setParameter("titleEn", n.titleEn)
                .setParameter("bodyEn", n.bodyEn)
                .setParameter("createdAt", n.createdAt)
                .setParameter("eventId", n.sourceEventId)
                .setParameter("ruleId", n.ruleId)
                .setParameter("eventType", n.eventType)
                .setParameter("state", n.state.name())
                .setParameter("nextAttemptAt", n.nextAttemptAt)
                .setParameter("subscriptionId", n.subscriptionId)
                .setParameter("aboutRef", n.aboutRef)
                .setParameter("webhookBody", n.webhookBody)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Notification> fromEvent(String sourceEventId, String recipientRef, DeliveryChannel channel) {
        return find("sourceEventId = ?1 and recipientRef = ?2 and channel = ?3", sourceEventId, recipientRef, channel)
                .firstResult();
    }

    /** Wakes the streams ({@code inbox}) or the delivery worker ({@code delivery}) when this transaction commits. */
    public Uni<Void> signalOnCommit(String what) {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_notify('" + CHANNEL + "', :what)")
                .setParameter("what", what)
                .executeUpdate())
                .replaceWithVoid();
    }
}
