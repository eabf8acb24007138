package org.lookout.escalation.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.escalation.EscalationFixtures.act;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.ContractAssertions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/** Parts still open when the agencies' deadline passes become OVERDUE, each announced once, even with racing sweeps. */
@QuarkusTest
@EscalationTestResources
class OverdueSchedulerTest {

    private static final EventType MISSED = EventType.ESCALATION_DEADLINE_MISSED;

    @Inject
    OverdueScheduler scheduler;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void twoSweepsAtOnceMarkEachPartOverdueOnce() throws Throwable {
        String id = EscalationFixtures.newEscalation("psb-district", "market-dcy");
        act("market-dcy", id, "acknowledge", null).statusCode(200);
        JsonPath escalation = EscalationFixtures.read(id);
        Instant dueAt = Instant.parse(escalation.getString("dueAt"));

        clock.set(dueAt.minusSeconds(1));
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);
        assertThat(EscalationFixtures.read(id).getString("status")).isEqualTo("ACKNOWLEDGED");

        clock.set(dueAt);
        // as two instances would: both sweeps run at the same moment on their own connections
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> sweeps = List.of(concurrentSweep(start), concurrentSweep(start));
        start.countDown();
        CompletableFuture.allOf(sweeps.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);

        JsonPath overdue = EscalationFixtures.read(id);
        assertThat(overdue.getString("status")).isEqualTo("OVERDUE");
        assertThat(overdue.getList("parts.status")).containsExactly("OVERDUE", "OVERDUE");
        assertThat(overdue.getList("parts.overdueAt")).containsOnly(dueAt.toString());
        assertThat(EscalationFixtures.events(id, MISSED)).isEqualTo(2);

        List<ConsumerRecord<String, String>> missed = EscalationFixtures.published(
                escalation.getString("reportId"), id, 2, MISSED);
        assertThat(missed).extracting(record -> EscalationFixtures.data(record).get("agencyCode").asText())
                .containsExactlyInAnyOrder("psb-district", "market-dcy");
        missed.forEach(record -> ContractAssertions.assertMatchesGoldenSample(MISSED, EscalationFixtures.data(record)));
    }

    @Test
    void anOverduePartMayStillAcknowledgeProgressAndResolve() throws Throwable {
        String id = EscalationFixtures.newEscalation("police-dcy");
        clock.set(Instant.parse(EscalationFixtures.read(id).getString("dueAt")).plusSeconds(60));
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);
        assertThat(EscalationFixtures.read(id).getString("status")).isEqualTo("OVERDUE");

        act("police-dcy", id, "progress", Map.of("note", "waiting for the owner")).statusCode(200)
                .body("status", equalTo("OVERDUE"));
        act("police-dcy", id, "acknowledge", null).statusCode(200);
        act("police-dcy", id, "resolve", Map.of("outcome", "HANDLED", "actionsTaken", "sealed the storage room"))
                .statusCode(200).body("status", equalTo("RESOLVED"));

        // late acknowledgement does not make the deadline missable again
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);
        assertThat(EscalationFixtures.events(id, MISSED)).isEqualTo(1);
    }

    @Test
    void aResolvedEscalationIsNeverOverdue() throws Throwable {
        String id = EscalationFixtures.newEscalation("police-dcy");
        act("police-dcy", id, "acknowledge", null).statusCode(200);
        act("police-dcy", id, "resolve", Map.of("outcome", "NO_VIOLATION_FOUND", "actionsTaken", "inspected"))
                .statusCode(200);

        clock.set(Instant.parse(EscalationFixtures.read(id).getString("dueAt")).plusSeconds(60));
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);

        assertThat(EscalationFixtures.read(id).getString("status")).isEqualTo("RESOLVED");
        assertThat(EscalationFixtures.events(id, MISSED)).isZero();
    }

    private CompletableFuture<Integer> concurrentSweep(CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return VertxContextSupport.subscribeAndAwait(scheduler::sweep);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
