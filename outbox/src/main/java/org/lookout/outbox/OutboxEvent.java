package org.lookout.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventJson;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An event waiting to be relayed, written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Commit order; the relay publishes in this order, so one aggregate's events reach Kafka as they happened. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    /** Unique per topic: an event published with copies has one row per topic (V0_4). */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "partition_key", nullable = false)
    public String partitionKey;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** The W3C trace context of the change that wrote the event (V0_6); null when it ran untraced. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    static OutboxEvent of(String topic, String partitionKey, CloudEvent event, Map<String, String> traceContext) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.partitionKey = partitionKey;
        row.type = event.type();
        row.source = event.source();
        row.subject = event.subject();
        row.occurredAt = event.time();
        row.payload = EventJson.write(event.data());
        row.traceParent = traceContext.get(EventTracing.TRACEPARENT);
        row.traceState = traceContext.get(EventTracing.TRACESTATE);
        return row;
    }

    CloudEvent toCloudEvent() {
        return new CloudEvent(eventId.toString(), source, type, subject, occurredAt, EventJson.read(payload));
    }
}
