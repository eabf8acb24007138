package org.lookout.escalation.clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/** The sweep with time moved by the test: warning at 75 % of the working time, breach at 100 %, each exactly once. */
@QuarkusTest
@EscalationTestResources
class SlaSchedulerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final EventType WARNING = EventType.ESCALATION_SLA_WARNED;
    private static final EventType BREACHED = EventType.ESCALATION_SLA_BREACHED;
    // the golden sample: received Friday 2026-02-13 17:30 Shanghai; 1 working day = the Saturday make-up day
    private static final Instant WARN_AT = Instant.parse("2026-02-14T10:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2026-02-14T16:00:00Z");

    @Inject
    SlaScheduler scheduler;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void warnsAt75PercentAndBreachesAtTheDeadlineEachOnce() throws Throwable {
        String reportId = newRunningClock();

        clock.set(WARN_AT.minusSeconds(1));
        sweep();
        assertThat(clock(reportId).getString("[0].warnedAt")).isNull();
        assertThat(events(reportId, WARNING)).isZero();

        clock.set(WARN_AT);
        sweep();
        sweep();
        assertThat(clock(reportId).getString("[0].warnedAt")).isEqualTo(WARN_AT.toString());
        assertThat(clock(reportId).getString("[0].state")).isEqualTo("RUNNING");
        assertThat(events(reportId, WARNING)).isEqualTo(1);

        clock.set(DUE_AT);
        sweep();
        sweep();
        assertThat(clock(reportId).getString("[0].state")).isEqualTo("BREACHED");
        assertThat(clock(reportId).getString("[0].breachedAt")).isEqualTo(DUE_AT.toString());
        assertThat(events(reportId, BREACHED)).isEqualTo(1);
        assertThat(events(reportId, WARNING)).isEqualTo(1);

        // both reach the escalation topic through the outbox, keyed by report id, in order (the clock's sla-scheduled
        // event before them is checked elsewhere; the breach also escalates the report, see AutomaticEscalationsTest)
        List<ConsumerRecord<String, String>> published = alerts(TopicProbe.readUntil(Topics.ESCALATION,
                read -> alerts(read, reportId).size() >= 2, DEFAULT_WAIT), reportId);
        assertThat(published).extracting(record -> TopicProbe.header(record, CloudEventKafka.TYPE).orElseThrow())
                .containsExactly(WARNING.type(), BREACHED.type());
        assertMatchesGoldenSample(published.get(0), WARNING, reportId);
        assertMatchesGoldenSample(published.get(1), BREACHED, reportId);
        JsonNode breach = EventJson.read(published.get(1).value());
        assertThat(breach.get("clockKind").asText()).isEqualTo("RESPONSE");
        assertThat(breach.get("streetCode").asText()).isEqualTo("DCYJD");
        assertThat(breach.get("dueAt").asText()).isEqualTo(DUE_AT.toString());
        assertThat(breach.get("breachedAt").asText()).isEqualTo(DUE_AT.toString());
    }

    @Test
    void aClockFoundPastItsDeadlineIsBreachedWithoutAWarning() throws Throwable {
        String reportId = newRunningClock();

        clock.set(DUE_AT.plusSeconds(3600));
        sweep();

        assertThat(events(reportId, BREACHED)).isEqualTo(1);
        assertThat(events(reportId, WARNING)).isZero();
    }

    @Test
    void twoSweepsAtOnceFireEachWarningOnce() throws Throwable {
        String reportId = newRunningClock();
        clock.set(WARN_AT);

        // as two instances would: both sweeps run at the same moment on their own connections
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<SlaScheduler.Sweep>> sweeps = List.of(concurrentSweep(start), concurrentSweep(start));
        start.countDown();
        CompletableFuture.allOf(sweeps.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(events(reportId, WARNING)).isEqualTo(1);
    }

    private CompletableFuture<SlaScheduler.Sweep> concurrentSweep(CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return VertxContextSupport.subscribeAndAwait(scheduler::sweep);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The warnings and breaches among the records read, of this report only. */
    private static List<ConsumerRecord<String, String>> alerts(List<ConsumerRecord<String, String>> read,
            String reportId) {
        return read.stream()
                .filter(record -> reportId.equals(record.key()))
                .filter(record -> TopicProbe.header(record, CloudEventKafka.TYPE)
                        .filter(type -> type.equals(WARNING.type()) || type.equals(BREACHED.type())).isPresent())
                .toList();
    }

    private void sweep() throws Throwable {
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);
    }

    private static long events(String reportId, EventType type) {
        return EscalationDatabase.number("select count(*) from outbox_event where partition_key = ? and event_type = ?",
                reportId, type.type());
    }

    /**
     * The record is the golden sample of event-contracts for its type, but for the report id (each test files a new
     * report): same attributes, the same fields and values (references only), and valid against the type's schema.
     */
    private static void assertMatchesGoldenSample(ConsumerRecord<String, String> record, EventType type,
            String reportId) {
        JsonNode sample = EventJson.readResource(type.sampleResource());
        CloudEvent event = CloudEventKafka.fromRecord(record);

        assertThat(record.key()).isEqualTo(reportId);
        assertThat(event.type()).isEqualTo(type.type());
        assertThat(event.source()).isEqualTo(sample.get("source").asText());
        assertThat(event.subject()).isEqualTo(reportId);
        assertThat(event.time()).isEqualTo(Instant.parse(sample.get("time").asText()));
        ObjectNode expected = ((ObjectNode) sample.get("data")).deepCopy();
        expected.put("reportId", reportId);
        assertThat(event.data()).isEqualTo(expected);
        ContractAssertions.assertValidAgainstSchema(type, event.data());
    }

    private static JsonPath clock(String reportId) {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/escalations/reports/{id}/clocks", reportId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A report received as in the golden sample, once its response clock runs. */
    private static String newRunningClock() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        String reportId = GoldenComplaintEvents.reportId(submitted);
        GoldenComplaintEvents.send(submitted);
        await().atMost(DEFAULT_WAIT).until(() -> given().auth().oauth2(Tokens.admin())
                .when().get("/api/escalations/reports/{id}/clocks", reportId).then().extract().statusCode() == 200);
        return reportId;
    }
}
