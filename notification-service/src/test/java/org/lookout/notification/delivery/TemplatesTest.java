package org.lookout.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.NotificationKind;

class TemplatesTest {

    private final Templates templates = new Templates();

    @Test
    void theAcknowledgementNamesTheTrackingNumberInBothLanguages() {
        Message message = templates.render(NotificationKind.REPORT_RECEIVED,
                Map.of(Templates.REFERENCE, "DCY-2026-000123"));

        assertThat(message.bodyZh()).startsWith("您的反映已受理，编号 DCY-2026-000123");
        assertThat(message.bodyEn()).startsWith("Your report DCY-2026-000123 has been received");
        assertThat(message.titleZh()).isNotBlank();
        assertThat(message.titleEn()).isNotBlank();
    }

    @Test
    void everyKindRendersInBothLanguages() {
        for (NotificationKind kind : NotificationKind.values()) {
            Message message = templates.render(kind, Map.of(Templates.REFERENCE, "DCY-2026-000001"));
            assertThat(message.bodyZh()).isNotBlank();
            assertThat(message.bodyEn()).isNotBlank();
        }
    }

    @Test
    void aMissingValueIsAnError() {
        assertThatThrownBy(() -> templates.render(NotificationKind.REPORT_RECEIVED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
