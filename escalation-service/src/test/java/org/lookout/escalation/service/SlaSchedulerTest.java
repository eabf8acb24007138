package org.lookout.escalation.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.config.MovableClock;
import org.lookout.escalation.messaging.SlaEvents;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/** The sweep with time moved by the test: warning at 75 % of the working time, breach at 100 %, each exactly once. */
@QuarkusTest
@EscalationTestResources
class SlaSchedulerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
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
        assertThat(events(reportId, SlaEvents.SLA_WARNING)).isZero();

        clock.set(WARN_AT);
        sweep();
        sweep();
        assertThat(clock(reportId).getString("[0].warnedAt")).isEqualTo(WARN_AT.toString());
        assertThat(clock(reportId).getString("[0].state")).isEqualTo("RUNNING");
        assertThat(events(reportId, SlaEvents.SLA_WARNING)).isEqualTo(1);

        clock.set(DUE_AT);
        sweep();
        sweep();
        assertThat(clock(reportId).getString("[0].state")).isEqualTo("BREACHED");
        assertThat(clock(reportId).getString("[0].breachedAt")).isEqualTo(DUE_AT.toString());
        assertThat(events(reportId, SlaEvents.SLA_BREACHED)).isEqualTo(1);
        assertThat(events(reportId, SlaEvents.SLA_WARNING)).isEqualTo(1);

        // both reach the escalation topic through the outbox, keyed by report id, in order
        List<ConsumerRecord<String, String>> published = TopicProbe.awaitRecordsWithKey(Topics.ESCALATION, reportId, 2,
                DEFAULT_WAIT);
        assertThat(published).extracting(record -> TopicProbe.header(record, CloudEventKafka.TYPE).orElseThrow())
                .containsExactly(SlaEvents.SLA_WARNING, SlaEvents.SLA_BREACHED);
        JsonNode breach = EventJson.read(published.get(1).value());
        assertThat(breach.get("reportId").asText()).isEqualTo(reportId);
        assertThat(breach.get("clockKind").asText()).isEqualTo("RESPONSE");
        assertThat(breach.get("streetCode").asText()).isEqualTo("DCYJD");
        assertThat(breach.get("dueAt").asText()).isEqualTo(DUE_AT.toString());
        assertThat(breach.get("breachedAt").asText()).isEqualTo(DUE_AT.toString());
        // references only: the proposed golden sample has exactly these fields
        assertThat(fieldNames(breach)).isEqualTo(fieldNames(ProposedContracts.sample(SlaEvents.SLA_BREACHED).get("data")));
        assertThat(fieldNames(EventJson.read(published.get(0).value())))
                .isEqualTo(fieldNames(ProposedContracts.sample(SlaEvents.SLA_WARNING).get("data")));
    }

    @Test
    void aClockFoundPastItsDeadlineIsBreachedWithoutAWarning() throws Throwable {
        String reportId = newRunningClock();

        clock.set(DUE_AT.plusSeconds(3600));
        sweep();

        assertThat(events(reportId, SlaEvents.SLA_BREACHED)).isEqualTo(1);
        assertThat(events(reportId, SlaEvents.SLA_WARNING)).isZero();
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

        assertThat(events(reportId, SlaEvents.SLA_WARNING)).isEqualTo(1);
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

    private void sweep() throws Throwable {
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);
    }

    private static long events(String reportId, String type) {
        return EscalationDatabase.number("select count(*) from outbox_event where partition_key = ? and event_type = ?",
                reportId, type);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
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
