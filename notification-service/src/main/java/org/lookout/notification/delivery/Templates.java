package org.lookout.notification.delivery;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.NotificationKind;

/**
 * The text of every notification kind in zh-CN and en, with {@code {name}} placeholders. A switch without default, so a
 * new kind does not compile until both languages are written.
 */
@ApplicationScoped
public class Templates {

    public static final String REFERENCE = "reference";

    public Message render(NotificationKind kind, Map<String, String> values) {
        Message template = switch (kind) {
            case REPORT_RECEIVED -> new Message(
                    "反映已受理",
                    "您的反映已受理，编号 {reference}。处理进展会在这里通知您。",
                    "Report received",
                    "Your report {reference} has been received. We will keep you informed here.");
        };
        return new Message(fill(template.titleZh(), values), fill(template.bodyZh(), values),
                fill(template.titleEn(), values), fill(template.bodyEn(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (filled.matches("(?s).*\\{[a-zA-Z]+}.*")) {
            throw new IllegalArgumentException("a placeholder of the template has no value: " + text);
        }
        return filled;
    }
}
