package org.lookout.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message to one recipient on one channel, caused by one event (at most one per event, recipient and channel). The
 * recipient is an {@link Address}, never a name, phone number or OIDC subject. An inbox entry is delivered when it is
 * written; an email, SMS or webhook waits ({@link DeliveryState#PENDING}) for the delivery worker.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    /** The inbox order and the live stream's event id, from a database sequence. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "recipient_ref", nullable = false)
    public String recipientRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryChannel channel;

    @Column(nullable = false)
    public String kind;

    /** What the notification is about, in words the recipient knows: the tracking number of a report. */
    public String reference;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "title_zh", nullable = false)
    public String titleZh;

    @Column(name = "body_zh", nullable = false)
    public String bodyZh;

    @Column(name = "title_en", nullable = false)
    public String titleEn;

    @Column(name = "body_en", nullable = false)
    public String bodyEn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** A webhook's: whom it is about (the person or group whose notification it carries). */
    @Column(name = "about_ref")
    public String aboutRef;

    /** A webhook's: the exact body that is signed and sent, the same on every attempt. */
    @Column(name = "webhook_body")
    public String webhookBody;

    /** What a rule made of one event for one recipient, before its channel is chosen. */
    public record Draft(String recipientRef, String kind, String reference, UUID reportId, Message message, Instant at,
            String sourceEventId, String ruleId, String eventType) {
    }

    /** An in-app entry, delivered by being written. */
    public static Notification inInbox(Draft draft) {
        Notification notification = of(draft, DeliveryChannel.INBOX, draft.recipientRef());
        notification.state = DeliveryState.DELIVERED;
        return notification;
    }

    /** An email or SMS for the worker, due at {@code due}. */
    public static Notification outgoing(Draft draft, DeliveryChannel channel, Instant due) {
        if (channel == DeliveryChannel.INBOX || channel == DeliveryChannel.WEBHOOK) {
            throw new IllegalArgumentException("not an email or SMS channel: " + channel);
        }
        Notification notification = of(draft, channel, draft.recipientRef());
        notification.state = DeliveryState.PENDING;
        notification.nextAttemptAt = due;
        return notification;
    }

    /** A webhook to subscription {@code subscriptionId} carrying {@code draft}, with the body it will always send. */
    public static Notification webhook(Draft draft, UUID subscriptionId, String body) {
        Notification notification = of(draft, DeliveryChannel.WEBHOOK, Address.webhook(subscriptionId, draft.recipientRef()));
        notification.state = DeliveryState.PENDING;
        notification.nextAttemptAt = draft.at();
        notification.subscriptionId = subscriptionId;
        notification.aboutRef = draft.recipientRef();
        notification.webhookBody = body;
        return notification;
    }

    private static Notification of(Draft draft, DeliveryChannel channel, String recipient) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientRef = recipient;
        notification.channel = channel;
        notification.kind = draft.kind();
        notification.reference = draft.reference();
        notification.reportId = draft.reportId();
        notification.titleZh = draft.message().titleZh();
        notification.bodyZh = draft.message().bodyZh();
        notification.titleEn = draft.message().titleEn();
        notification.bodyEn = draft.message().bodyEn();
        notification.createdAt = draft.at();
        notification.sourceEventId = draft.sourceEventId();
        notification.ruleId = draft.ruleId();
        notification.eventType = draft.eventType();
        return notification;
    }

    public Message message() {
        return new Message(titleZh, bodyZh, titleEn, bodyEn);
    }
}
