package org.lookout.notification.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who is told what, as data (seeded by migration, edited by admin): when an event of {@code eventType} arrives and its
 * data meets {@code condition}, the {@code audience} gets a notification of {@code kind}, written from
 * {@code template}, on {@code channels}. A mandatory rule's channels cannot be switched off by a preference.
 */
@Entity
@Table(name = "notification_rule")
public class NotificationRule {

    @Id
    public String id;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String template;

    /** Comma-separated {@link DeliveryChannel}s. */
    @Column(nullable = false)
    public String channels;

    /** {@code field=value} pairs joined by {@code &}, compared with the event's data as text; empty: always. */
    @Column(nullable = false)
    public String condition;

    @Column(nullable = false)
    public boolean mandatory;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public Set<DeliveryChannel> channelSet() {
        return parseChannels(channels);
    }

    /** Whether the event's data meets the condition (a missing field reads as {@code null}). */
    public boolean appliesTo(JsonNode data) {
        if (condition == null || condition.isBlank()) {
            return true;
        }
        for (String pair : condition.split("&")) {
            String[] parts = pair.split("=", 2);
            JsonNode value = data.path(parts[0].strip());
            String actual = value.isMissingNode() || value.isNull() ? "null" : value.asText();
            if (!actual.equals(parts.length > 1 ? parts[1].strip() : "")) {
                return false;
            }
        }
        return true;
    }

    public static Set<DeliveryChannel> parseChannels(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.noneOf(DeliveryChannel.class);
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .map(DeliveryChannel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DeliveryChannel.class)));
    }

    public static String formatChannels(Set<DeliveryChannel> channels) {
        return channels.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
