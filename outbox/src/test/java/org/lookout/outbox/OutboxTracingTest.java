package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.testsupport.RecordedSpans.inTrace;
import static org.lookout.testsupport.RecordedSpans.named;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.RecordedSpans;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.TopicProbe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace from a change to its consumer, against real PostgreSQL and Kafka: the change's context is stored with the
 * outbox row, the relay's publish span (its child) is named in the record's {@code traceparent}, and the consumer's
 * process span is the publish span's child and current while the handler runs.
 */
@QuarkusTest
@OutboxTestResources
class OutboxTracingTest {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of(OutboxTestResources.DATABASE);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxFixture fixture;

    @Inject
    TroubledConsumer consumer;

    @Inject
    OpenTelemetry openTelemetry;

    @BeforeEach
    void startWithAnEmptyOutbox() {
        DATABASE.execute("delete from outbox_event");
    }

    @Test
    void theChangesTraceGoesWithTheRowIntoTheRecordAndOnToTheConsumersSpan() {
        String aggregate = UUID.randomUUID().toString();
        Span change = openTelemetry.getTracer("test").spanBuilder("POST /api/complaints")
                .setSpanKind(SpanKind.SERVER).startSpan();
        SpanContext changeContext = change.getSpanContext();
        fixture.publishIn(Context.root().with(change), EventType.COMPLAINT_SUBMITTED, aggregate);
        change.end();

        String stored = DATABASE.strings("select trace_parent from outbox_event where partition_key = ?", aggregate)
                .get(0);
        assertThat(stored).isEqualTo(RecordedSpans.traceparent(changeContext));

        assertThat(fixture.relayRound()).isEqualTo(1);
        ConsumerRecord<String, String> record = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, aggregate, 1,
                DEFAULT_WAIT).get(0);
        String traceparent = TopicProbe.header(record, "traceparent").orElseThrow();
        assertThat(RecordedSpans.traceId(traceparent)).isEqualTo(changeContext.getTraceId());
        SpanData publish = RecordedSpans.await(named(Topics.COMPLAINT + " publish").and(inTrace(changeContext.getTraceId())));
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getParentSpanId()).as("the relay's span is the change's child")
                .isEqualTo(changeContext.getSpanId());
        assertThat(RecordedSpans.parentId(traceparent)).as("the record names the relay's span")
                .isEqualTo(publish.getSpanId());

        // the same record read by a consumer (TroubledConsumer's topic): its span is the relay's span's child
        String eventId = TopicProbe.header(record, "ce_id").orElseThrow();
        TopicProbe.send(TroubledConsumer.TOPIC, aggregate, headers(record), record.value());
        SpanData process = RecordedSpans.await(named(TroubledConsumer.TOPIC + " process")
                .and(inTrace(changeContext.getTraceId())));
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(process.getAttributes().asMap().toString()).contains(TroubledConsumer.CONSUMER,
                EventType.COMPLAINT_SUBMITTED.type()).doesNotContain(aggregate);
        assertThat(consumer.spanWhileApplying(eventId)).as("the handler runs inside the process span")
                .isEqualTo(process.getSpanContext());
    }

    @Test
    void anUntracedChangeStoresNoContextAndItsRecordCarriesNone() {
        String aggregate = UUID.randomUUID().toString();
        fixture.publish(EventType.COMPLAINT_SUBMITTED, aggregate);

        assertThat(DATABASE.strings("select coalesce(trace_parent, 'none') from outbox_event where partition_key = ?",
                aggregate)).containsExactly("none");
        assertThat(fixture.relayRound()).isEqualTo(1);
        ConsumerRecord<String, String> record = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, aggregate, 1,
                DEFAULT_WAIT).get(0);
        assertThat(TopicProbe.header(record, "traceparent")).isEmpty();
        assertThat(TopicProbe.header(record, "ce_id")).isPresent();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return headers;
    }
}
