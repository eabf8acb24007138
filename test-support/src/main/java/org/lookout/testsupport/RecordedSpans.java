package org.lookout.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * The spans a test application finished, in memory (tests run with tracing on and no exporter: the security library's
 * {@code %test} defaults). A test module hands {@link #processor()} to Quarkus as a CDI bean:
 *
 * <pre>{@code
 * @Singleton
 * class RecordedSpansProducer {
 *     @Produces @Singleton
 *     SpanProcessor recordedSpans() { return RecordedSpans.processor(); }
 * }
 * }</pre>
 *
 * and reads them with {@link #await}. A W3C {@code traceparent} is {@code 00-<trace id>-<parent span id>-<flags>}:
 * {@link #traceId} and {@link #parentId} take it apart for assertions on links.
 */
public final class RecordedSpans {

    private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    private static final SpanProcessor PROCESSOR = SimpleSpanProcessor.create(EXPORTER);

    private RecordedSpans() {
    }

    public static SpanProcessor processor() {
        return PROCESSOR;
    }

    public static List<SpanData> all() {
        return EXPORTER.getFinishedSpanItems();
    }

    /** The first finished span that matches, waiting up to 30 s for it. */
    public static SpanData await(Predicate<SpanData> matches) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> all().stream().filter(matches).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    /** Spans of one trace. */
    public static List<SpanData> ofTrace(String traceId) {
        return all().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    public static Predicate<SpanData> named(String name) {
        return span -> span.getName().equals(name);
    }

    public static Predicate<SpanData> inTrace(String traceId) {
        return span -> span.getTraceId().equals(traceId);
    }

    /** The trace id of a W3C {@code traceparent} header. */
    public static String traceId(String traceparent) {
        return part(traceparent, 1);
    }

    /** The parent span id of a W3C {@code traceparent} header: the span that sent it. */
    public static String parentId(String traceparent) {
        return part(traceparent, 2);
    }

    /** The {@code traceparent} that names {@code span} as the parent. */
    public static String traceparent(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    private static String part(String traceparent, int index) {
        String[] parts = traceparent.split("-");
        if (parts.length != 4) {
            throw new AssertionError("not a W3C traceparent: " + traceparent);
        }
        return parts[index];
    }
}
