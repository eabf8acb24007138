package org.lookout.escalation.messaging.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.testsupport.RecordedSpans.inTrace;
import static org.lookout.testsupport.RecordedSpans.named;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.testsupport.RecordedSpans;
import org.lookout.testsupport.TopicProbe;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A complaint event that arrives with complaint-service's trace context (its relay's span in {@code traceparent}) is
 * applied in a span of that trace, and what escalation-service publishes because of it carries the trace on.
 */
@QuarkusTest
@EscalationTestResources
class ComplaintEventsTracingTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    /** complaint-service relay's span, as its record names it. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PRODUCER_SPAN = "b7ad6b7169203331";

    @Test
    void theConsumersSpanIsTheProducersChildAndItsOwnEventsGoOnInTheSameTrace() {
        CloudEvent event = GoldenComplaintEvents.submitted();
        String reportId = GoldenComplaintEvents.reportId(event);
        Map<String, String> headers = new HashMap<>(CloudEventKafka.headers(event));
        headers.put("traceparent", "00-" + TRACE_ID + "-" + PRODUCER_SPAN + "-01");
        TopicProbe.send(Topics.COMPLAINT, reportId, headers, EventJson.write(event.data()));

        SpanData process = RecordedSpans.await(named(Topics.COMPLAINT + " process").and(inTrace(TRACE_ID)));
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getParentSpanId()).isEqualTo(PRODUCER_SPAN);
        assertThat(process.getAttributes().asMap().toString())
                .contains(ComplaintEventsConsumer.CONSUMER, EventType.COMPLAINT_SUBMITTED.type());

        // the clock it started is announced in the same trace, under escalation-service's relay span
        ConsumerRecord<String, String> scheduled = TopicProbe.awaitRecord(Topics.ESCALATION,
                published -> reportId.equals(published.key()) && EventType.ESCALATION_SLA_SCHEDULED.type()
                        .equals(TopicProbe.header(published, CloudEventKafka.TYPE).orElse(null)),
                DEFAULT_WAIT);
        String traceparent = TopicProbe.header(scheduled, "traceparent").orElseThrow();
        assertThat(RecordedSpans.traceId(traceparent)).isEqualTo(TRACE_ID);
        SpanData publish = RecordedSpans.await(span -> span.getSpanId().equals(RecordedSpans.parentId(traceparent)));
        assertThat(publish.getName()).isEqualTo(Topics.ESCALATION + " publish");
        assertThat(publish.getParentSpanId()).as("published from within the consumer's span")
                .isEqualTo(process.getSpanId());
    }

    @Test
    void anEventWithoutTraceContextIsAppliedAsBeforeAndStartsNoTrace() {
        CloudEvent event = GoldenComplaintEvents.submitted();
        String reportId = GoldenComplaintEvents.reportId(event);

        GoldenComplaintEvents.applied(event);

        ConsumerRecord<String, String> scheduled = TopicProbe.awaitRecord(Topics.ESCALATION,
                published -> reportId.equals(published.key()) && EventType.ESCALATION_SLA_SCHEDULED.type()
                        .equals(TopicProbe.header(published, CloudEventKafka.TYPE).orElse(null)),
                DEFAULT_WAIT);
        assertThat(TopicProbe.header(scheduled, "traceparent")).isEmpty();
    }
}
