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
 * One message to one recipient on one channel, caused by one event. The recipient is the keyed pseudonym of their account
 * ({@code reporterRef} on events), never a name, phone number or OIDC subject.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "recipient_ref", nullable = false)
    public String recipientRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

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

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    /** An in-app entry for one recipient, caused by one event. */
    public static Notification inInbox(String recipientRef, NotificationKind kind, String reference, UUID reportId,
            Message message, Instant at, String sourceEventId) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientRef = recipientRef;
        notification.channel = DeliveryChannel.INBOX;
        notification.kind = kind;
        notification.reference = reference;
        notification.reportId = reportId;
        notification.titleZh = message.titleZh();
        notification.bodyZh = message.bodyZh();
        notification.titleEn = message.titleEn();
        notification.bodyEn = message.bodyEn();
        notification.createdAt = at;
        notification.sourceEventId = sourceEventId;
        return notification;
    }

    public Message message() {
        return new Message(titleZh, bodyZh, titleEn, bodyEn);
    }

    /** Marks it read once; reading it again keeps the first time. */
    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
