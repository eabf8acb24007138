package org.lookout.complaint.messaging.outgoing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_BUILDING;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_TITLE;
import static org.lookout.complaint.ComplaintTestSupport.report;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.RecordedSpans;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * An intake that arrives in a trace (the gateway's span in {@code traceparent}): the service's server span is its child,
 * the outbox row stores the server span's context, and the Kafka record names the relay's span, the server span's child.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class IntakeTracingTest {

    private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
    /** The gateway's client span, as its request names it. */
    private static final String GATEWAY_SPAN = "eee19b7ec3c1b174";

    @Test
    void theRequestsTraceGoesWithTheEventOntoTheTopic() {
        String id = given().auth().oauth2(Tokens.resident("tracing-1", "DCY")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + TRACE_ID + "-" + GATEWAY_SPAN + "-01")
                .body(report())
                .when().post("/api/complaints")
                .then().statusCode(201).extract().path("id");

        SpanData server = RecordedSpans.await(span -> span.getKind() == SpanKind.SERVER
                && span.getTraceId().equals(TRACE_ID) && span.getParentSpanId().equals(GATEWAY_SPAN));
        assertThat(ComplaintDatabase.strings("select trace_parent from outbox_event where partition_key = ?", id))
                .as("the row stores the request's span").isNotEmpty()
                .allSatisfy(stored -> assertThat(stored).isEqualTo(RecordedSpans.traceparent(server.getSpanContext())));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key()));
        String traceparent = TopicProbe.header(record, "traceparent").orElseThrow();
        assertThat(RecordedSpans.traceId(traceparent)).isEqualTo(TRACE_ID);
        SpanData publish = RecordedSpans.await(span -> span.getSpanId().equals(RecordedSpans.parentId(traceparent)));
        assertThat(publish.getName()).isEqualTo(Topics.COMPLAINT + " publish");
        assertThat(publish.getParentSpanId()).isEqualTo(server.getSpanId());

        // no personal data in any span of the trace: neither the body nor who filed it
        assertThat(RecordedSpans.ofTrace(TRACE_ID).stream().map(span -> span.getName() + span.getAttributes()).toList())
                .allSatisfy(span -> assertThat(span).doesNotContain(DEFAULT_TITLE, DEFAULT_BUILDING, "tracing-1"));
    }

    @Test
    void anUntracedRequestStartsItsOwnTrace() {
        String id = given().auth().oauth2(Tokens.resident("tracing-2", "DCY")).contentType(ContentType.JSON)
                .body(report())
                .when().post("/api/complaints")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key()));
        String traceparent = TopicProbe.header(record, "traceparent").orElseThrow();
        assertThat(UUID.fromString(id)).isNotNull();
        SpanData server = RecordedSpans.await(span -> span.getKind() == SpanKind.SERVER
                && span.getTraceId().equals(RecordedSpans.traceId(traceparent)));
        assertThat(server.getParentSpanContext().isValid()).as("a new trace begins at the service").isFalse();
    }
}
