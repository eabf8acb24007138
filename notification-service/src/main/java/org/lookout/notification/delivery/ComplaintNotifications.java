package org.lookout.notification.service;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.Notification;
import org.lookout.notification.domain.NotificationKind;

import io.smallrye.mutiny.Uni;

/** What a report's reporter is told as the report moves on. Runs inside the consuming transaction. */
@ApplicationScoped
public class ComplaintNotifications {

    private final Templates templates;
    private final DeliveryService deliveries;
    private final Clock clock;

    ComplaintNotifications(Templates templates, DeliveryService deliveries, Clock clock) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Acknowledges a received report in its reporter's inbox; an anonymous report has nobody to tell. */
    public Uni<Void> reportReceived(String eventId, ComplaintSubmitted report) {
        // an anonymous report is never linked to an account, even if an event carried a reference by mistake
        if (report.anonymous() || report.reporterRef() == null || report.reporterRef().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Message message = templates.render(NotificationKind.REPORT_RECEIVED,
                Map.of(Templates.REFERENCE, report.trackingNumber()));
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientRef = report.reporterRef();
        notification.channel = DeliveryChannel.INBOX;
        notification.kind = NotificationKind.REPORT_RECEIVED;
        notification.reference = report.trackingNumber();
        notification.reportId = report.reportId();
        notification.titleZh = message.titleZh();
        notification.bodyZh = message.bodyZh();
        notification.titleEn = message.titleEn();
        notification.bodyEn = message.bodyEn();
        notification.createdAt = clock.instant();
        notification.sourceEventId = eventId;
        return deliveries.deliver(notification).replaceWithVoid();
    }
}
