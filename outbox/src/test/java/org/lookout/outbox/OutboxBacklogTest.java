package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.ServiceDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** The backlog gauges read the real outbox table: rows waiting count, sent rows do not. */
@QuarkusTest
@OutboxTestResources
class OutboxBacklogTest {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of(OutboxTestResources.DATABASE);

    @Inject
    OutboxBacklog backlog;

    @Inject
    OutboxFixture fixture;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void startWithAnEmptyOutbox() {
        DATABASE.execute("delete from outbox_event");
    }

    @Test
    void pendingRowsAreCountedAndAgedUntilTheRelaySendsThem() {
        refresh();
        assertThat(gauge("lookout.outbox.pending")).isZero();
        assertThat(gauge("lookout.outbox.oldest.pending.age")).isZero();

        String aggregate = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            fixture.publish(EventType.COMPLAINT_ACCEPTED, aggregate);
        }
        DATABASE.execute("update outbox_event set occurred_at = now() - interval '10 minutes'");
        refresh();
        assertThat(gauge("lookout.outbox.pending")).isEqualTo(3);
        assertThat(gauge("lookout.outbox.oldest.pending.age")).isBetween(600.0, 900.0);

        fixture.relayRound();
        refresh();
        assertThat(gauge("lookout.outbox.pending")).isZero();
        assertThat(gauge("lookout.outbox.oldest.pending.age")).isZero();
    }

    private void refresh() {
        OutboxFixture.await(() -> backlog.refresh().replaceWith(0));
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
