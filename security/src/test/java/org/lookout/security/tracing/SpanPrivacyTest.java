package org.lookout.security.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class SpanPrivacyTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(new SpanPrivacy())
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();

    @Test
    void query_strings_addresses_and_user_agents_never_reach_an_exporter() {
        tracers.get("test").spanBuilder("GET /api/complaints")
                .setAttribute("url.path", "/api/complaints/DCY-2026-000123")
                .setAttribute("url.query", "reporter=Wang%20Fang&phone=13800138000")
                .setAttribute("url.full", "http://127.0.0.1:8081/api/complaints?phone=13800138000")
                .setAttribute("client.address", "203.0.113.9")
                .setAttribute("network.peer.address", "203.0.113.9")
                .setAttribute("user_agent.original", "Lookout/2.1 (Wang Fang's phone)")
                .setAttribute("http.route", "/api/complaints/{id}")
                .startSpan().end();

        Attributes attributes = only().getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("url.query"))).isEqualTo("redacted");
        assertThat(attributes.get(AttributeKey.stringKey("url.full")))
                .isEqualTo("http://127.0.0.1:8081/api/complaints?redacted");
        assertThat(attributes.get(AttributeKey.stringKey("client.address"))).isEqualTo("redacted");
        assertThat(attributes.get(AttributeKey.stringKey("network.peer.address"))).isEqualTo("redacted");
        assertThat(attributes.get(AttributeKey.stringKey("user_agent.original"))).isEqualTo("redacted");
        assertThat(attributes.toString()).doesNotContain("13800138000", "Wang", "203.0.113.9");
        // references stay: they are what a trace is read by
        assertThat(attributes.get(AttributeKey.stringKey("url.path"))).isEqualTo("/api/complaints/DCY-2026-000123");
        assertThat(attributes.get(AttributeKey.stringKey("http.route"))).isEqualTo("/api/complaints/{id}");
    }

    @Test
    void a_span_without_such_attributes_gets_none_added() {
        tracers.get("test").spanBuilder("lookout.complaint.v1 publish")
                .setAttribute("messaging.destination.name", "lookout.complaint.v1")
                .setAttribute("url.full", "http://127.0.0.1:8081/api/complaints")
                .startSpan().end();

        Attributes attributes = only().getAttributes();
        assertThat(attributes.size()).isEqualTo(2);
        assertThat(attributes.get(AttributeKey.stringKey("url.full"))).isEqualTo("http://127.0.0.1:8081/api/complaints");
    }

    private SpanData only() {
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        return exported.getFinishedSpanItems().get(0);
    }
}
