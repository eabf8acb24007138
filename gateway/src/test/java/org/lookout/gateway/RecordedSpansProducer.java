package org.lookout.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lookout.testsupport.RecordedSpans;

import io.opentelemetry.sdk.trace.SpanProcessor;

/** The test application's finished spans, in memory for the tracing tests. */
@Singleton
class RecordedSpansProducer {

    @Produces
    @Singleton
    SpanProcessor recordedSpans() {
        return RecordedSpans.processor();
    }
}
