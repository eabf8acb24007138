package org.lookout.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver a notification, whatever its outcome: the delivery log of ARCHITECTURE §8. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryChannel channel;

    /** 1 for the first attempt of this notification, then counting up. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryOutcome outcome;

    /** Why an attempt failed; never personal data. */
    public String detail;

    /** A webhook's HTTP status; null when no answer came. */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms")
    public Integer latencyMs;

    @Column(name = "subscription_id")
    public UUID subscriptionId;
}
