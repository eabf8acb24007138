package org.lookout.notification.delivery;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ComplaintSubmitted;
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
        Notification notification = Notification.inInbox(report.reporterRef(), NotificationKind.REPORT_RECEIVED,
                report.trackingNumber(), report.reportId(), message, clock.instant(), eventId);
        return deliveries.deliver(notification).replaceWithVoid();
    }
}
