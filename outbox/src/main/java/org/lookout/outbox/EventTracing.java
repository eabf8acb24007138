package org.lookout.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * The W3C trace context on an event's way: taken from the change that publishes it ({@link #current()}, stored with
 * the outbox row), put in the Kafka record's {@code traceparent}/{@code tracestate} headers under the relay's
 * {@code publish} span, and read back by a consumer, whose {@code process} span is that span's child. Only
 * references travel as span attributes (topic, event type, consumer name): never a key, a payload or a header value.
 * With tracing off (the default, {@code quarkus.otel.sdk.disabled}) nothing is stored and no header is written.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    /** W3C allows more; a longer tracestate is not kept (the traceparent alone still links the trace). */
    static final int MAX_TRACESTATE = 512;

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> java.util.stream.StreamSupport.stream(carrier.spliterator(), false).map(Header::key)
                    .iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.US_ASCII);
        }
    };

    private final Tracer tracer;

    @Inject
    EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.lookout.outbox");
    }

    /** Tracing off: what plain unit tests of a router use. */
    static EventTracing off() {
        return new EventTracing(OpenTelemetry.noop());
    }

    /** The caller's trace context now, as W3C headers; empty when the caller is not in a trace. */
    public Map<String, String> current() {
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(Context.current(), headers, Map::put);
        String state = headers.get(TRACESTATE);
        if (state != null && (state.isEmpty() || state.length() > MAX_TRACESTATE)) {
            headers.remove(TRACESTATE);
        }
        return headers;
    }

    /**
     * The relay's span around sending one row, a child of the context the row was written in; an invalid (no-op) span
     * when the row carries none, so an untraced change starts no trace in the relay.
     */
    Span startPublish(OutboxEvent row) {
        Context parent = parent(row.traceParent, row.traceState);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(row.topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, row.topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(EVENT_TYPE, row.type)
                .setAttribute(EVENT_ID, row.eventId.toString())
                .startSpan();
    }

    /** Writes the span's context as {@code traceparent}/{@code tracestate}; nothing for an invalid span. */
    void inject(Span span, Headers headers) {
        if (span.getSpanContext().isValid()) {
            W3C.inject(Context.root().with(span), headers,
                    (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /**
     * A consumer's span around applying one record, a child of the producer's span named in the record's headers; an
     * invalid (no-op) span when the record carries none, so an untraced event stays untraced.
     */
    Span startProcess(ConsumerRecord<String, String> record, String consumer, String eventType, String eventId) {
        Context parent = W3C.extract(Context.root(), record.headers(), FROM_HEADERS);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER_GROUP, consumer)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(EVENT_ID, eventId)
                .startSpan();
    }

    private static Context parent(String traceParent, String traceState) {
        if (traceParent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>(2);
        headers.put(TRACEPARENT, traceParent);
        if (traceState != null) {
            headers.put(TRACESTATE, traceState);
        }
        return W3C.extract(Context.root(), headers, FROM_MAP);
    }
}
