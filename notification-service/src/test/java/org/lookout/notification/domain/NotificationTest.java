package org.lookout.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Notification.Draft DRAFT = new Notification.Draft("rp1_ref", "REPORT_RECEIVED",
            "DCY-2026-000123", UUID.randomUUID(), new Message("标题", "正文", "Title", "Body"), AT, "event-1",
            "reporter.submitted", "lookout.complaint.submitted.v1");

    @Test
    void anInboxEntryIsAddressedAndDeliveredInBothLanguages() {
        Notification entry = Notification.inInbox(DRAFT);

        assertThat(entry.channel).isEqualTo(DeliveryChannel.INBOX);
        assertThat(entry.recipientRef).isEqualTo("rp1_ref");
        assertThat(entry.state).isEqualTo(DeliveryState.DELIVERED);
        assertThat(entry.message().title(Language.EN)).isEqualTo("Title");
        assertThat(entry.message().body(Language.ZH_CN)).isEqualTo("正文");
        assertThat(entry.createdAt).isEqualTo(AT);
        assertThat(entry.ruleId).isEqualTo("reporter.submitted");
    }

    @Test
    void anEmailOrSmsWaitsForTheWorkerUntilItIsDue() {
        Notification sms = Notification.outgoing(DRAFT, DeliveryChannel.SMS, AT.plusSeconds(3600));

        assertThat(sms.state).isEqualTo(DeliveryState.PENDING);
        assertThat(sms.nextAttemptAt).isEqualTo(AT.plusSeconds(3600));
        assertThat(sms.recipientRef).isEqualTo("rp1_ref");
        assertThatThrownBy(() -> Notification.outgoing(DRAFT, DeliveryChannel.INBOX, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWebhookIsAddressedToItsSubscriptionAboutItsRecipient() {
        UUID subscription = UUID.randomUUID();

        Notification webhook = Notification.webhook(DRAFT, subscription, null);

        assertThat(webhook.recipientRef).isEqualTo("webhook:" + subscription + "/rp1_ref");
        assertThat(webhook.aboutRef).isEqualTo("rp1_ref");
        assertThat(webhook.subscriptionId).isEqualTo(subscription);
        assertThat(webhook.state).isEqualTo(DeliveryState.PENDING);
    }
}
