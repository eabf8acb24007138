package org.lookout.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void anInboxEntryIsAddressedToThePseudonymInBothLanguages() {
        UUID report = UUID.randomUUID();
        Notification entry = Notification.inInbox("ref-1", NotificationKind.REPORT_RECEIVED, "DCY-2026-000123", report,
                new Message("标题", "正文", "Title", "Body"), AT, "event-1");

        assertThat(entry.channel).isEqualTo(DeliveryChannel.INBOX);
        assertThat(entry.recipientRef).isEqualTo("ref-1");
        assertThat(entry.reportId).isEqualTo(report);
        assertThat(entry.message().title(Language.EN)).isEqualTo("Title");
        assertThat(entry.message().body(Language.ZH_CN)).isEqualTo("正文");
        assertThat(entry.createdAt).isEqualTo(AT);
        assertThat(entry.readAt).isNull();
    }

    @Test
    void readingAgainKeepsTheFirstTime() {
        Notification entry = Notification.inInbox("ref-1", NotificationKind.REPORT_RECEIVED, "DCY-2026-000123", null,
                new Message("t", "b", "t", "b"), AT, "event-1");

        entry.markRead(AT.plusSeconds(60));
        entry.markRead(AT.plusSeconds(120));

        assertThat(entry.readAt).isEqualTo(AT.plusSeconds(60));
    }
}
