package org.lookout.notification.rule;

import java.time.Instant;
import java.util.List;

import org.lookout.notification.domain.NotificationRule;

/** A rule as the admin API shows it. */
public record RuleView(String id, String eventType, String audience, String kind, String template, List<String> channels,
        String condition, boolean mandatory, boolean enabled, Instant updatedAt) {

    static RuleView of(NotificationRule rule) {
        return new RuleView(rule.id, rule.eventType, rule.audience.name(), rule.kind, rule.template,
                rule.channelSet().stream().map(Enum::name).toList(), rule.condition, rule.mandatory, rule.enabled,
                rule.updatedAt);
    }
}
