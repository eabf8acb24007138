package org.lookout.escalation.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.config.MovableClock;
import org.lookout.escalation.messaging.incoming.ComplaintEventsConsumer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * The golden lifecycle events of complaint-service, replayed on the real topic after a report's submitted event: its
 * response clock stops, is cancelled or restarts, by the events' own times, each event applied once.
 */
@QuarkusTest
@EscalationTestResources
class ClockLifecycleTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    // the golden submitted sample: received Friday 2026-02-13 17:30 Shanghai, response due end of the Saturday make-up day
    private static final Instant DUE_AT = Instant.parse("2026-02-14T16:00:00Z");
    // the golden lifecycle samples' change time
    private static final Instant CHANGED_AT = Instant.parse("2026-02-14T10:00:00Z");

    @Inject
    SlaScheduler scheduler;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aResponseInTimeStopsTheResponseClockAsMet() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        CloudEvent responded = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted, CHANGED_AT);

        GoldenComplaintEvents.applied(submitted, responded);

        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(clocks.getList("")).hasSize(1);
        assertThat(clocks.getString("[0].kind")).isEqualTo("RESPONSE");
        assertThat(clocks.getString("[0].state")).isEqualTo("STOPPED");
        assertThat(clocks.getString("[0].stoppedAt")).isEqualTo(CHANGED_AT.toString());
        assertThat(clocks.getBoolean("[0].met")).isTrue();
    }

    @Test
    void aResponseExactlyAtTheDeadlineIsMetAndOneAfterItIsNot() {
        CloudEvent onTime = GoldenComplaintEvents.submitted();
        CloudEvent late = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.applied(onTime, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, onTime, DUE_AT));
        GoldenComplaintEvents.applied(late, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, late, DUE_AT.plusSeconds(1)));

        assertThat(EscalationFixtures.clocks(onTime.subject()).getBoolean("[0].met")).isTrue();
        JsonPath lateClocks = EscalationFixtures.clocks(late.subject());
        assertThat(lateClocks.getString("[0].state")).isEqualTo("STOPPED");
        assertThat(lateClocks.getString("[0].stoppedAt")).isEqualTo(DUE_AT.plusSeconds(1).toString());
        assertThat(lateClocks.getBoolean("[0].met")).isFalse();
    }

    @Test
    void aRejectedReportsClockIsCancelledAndNeverWarnedOrBreached() throws Throwable {
        CloudEvent submitted = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REJECTED, submitted, CHANGED_AT));

        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(clocks.getString("[0].state")).isEqualTo("CANCELLED");
        assertThat(clocks.getString("[0].stoppedAt")).isEqualTo(CHANGED_AT.toString());
        assertThat(clocks.getString("[0].met")).isNull();

        clock.set(DUE_AT.plus(Duration.ofDays(3)));
        VertxContextSupport.subscribeAndAwait(scheduler::sweep);

        assertThat(EscalationDatabase.number("select count(*) from outbox_event where partition_key = ?"
                + " and event_type in (?, ?)", GoldenComplaintEvents.reportId(submitted),
                EventType.ESCALATION_SLA_WARNED.type(), EventType.ESCALATION_SLA_BREACHED.type())).isZero();
        assertThat(EscalationFixtures.clocks(submitted.subject()).getString("[0].state")).isEqualTo("CANCELLED");
        assertThat(EscalationFixtures.clocks(submitted.subject()).getString("[0].breachedAt")).isNull();
    }

    @Test
    void aClosedReportCancelsARunningClockButKeepsAStoppedOne() {
        CloudEvent running = GoldenComplaintEvents.submitted();
        CloudEvent stopped = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.applied(running, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_CLOSED, running, CHANGED_AT));
        GoldenComplaintEvents.applied(stopped, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, stopped, CHANGED_AT),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_CLOSED, stopped, CHANGED_AT.plusSeconds(60)));

        assertThat(EscalationFixtures.clocks(running.subject()).getString("[0].state")).isEqualTo("CANCELLED");
        JsonPath kept = EscalationFixtures.clocks(stopped.subject());
        assertThat(kept.getString("[0].state")).isEqualTo("STOPPED");
        assertThat(kept.getString("[0].stoppedAt")).isEqualTo(CHANGED_AT.toString());
        assertThat(kept.getBoolean("[0].met")).isTrue();
    }

    @Test
    void aReopenedReportRestartsItsClockFromTheReopening() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        // reopened on Monday 2026-02-16 10:00 Shanghai, in the Spring Festival break: due end of Tue 2026-02-24
        Instant reopenedAt = Instant.parse("2026-02-16T02:00:00Z");

        GoldenComplaintEvents.applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted, CHANGED_AT),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESOLVED, submitted, CHANGED_AT.plusSeconds(60)),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REOPENED, submitted, reopenedAt));

        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(clocks.getList("")).hasSize(1);
        assertThat(clocks.getString("[0].kind")).isEqualTo("RESPONSE");
        assertThat(clocks.getString("[0].state")).isEqualTo("RUNNING");
        assertThat(clocks.getString("[0].startedAt")).isEqualTo(reopenedAt.toString());
        assertThat(clocks.getString("[0].dueAt")).isEqualTo("2026-02-24T16:00:00Z");
        assertThat(clocks.getString("[0].stoppedAt")).isNull();
        assertThat(clocks.getString("[0].met")).isNull();
    }

    @Test
    void eachLifecycleEventSentTwiceIsAppliedOnce() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        Instant reopenedAt = Instant.parse("2026-02-16T02:00:00Z");
        CloudEvent responded = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted, CHANGED_AT);
        CloudEvent resolved = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESOLVED, submitted,
                CHANGED_AT.plusSeconds(60));
        CloudEvent reopened = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REOPENED, submitted, reopenedAt);
        // a second response after the reopening: were the reopening applied again, the clock would run again
        CloudEvent respondedAgain = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted,
                reopenedAt.plusSeconds(3600));
        CloudEvent rejected = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REJECTED, submitted,
                reopenedAt.plusSeconds(7200));
        CloudEvent closed = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_CLOSED, submitted,
                reopenedAt.plusSeconds(7300));

        // a last event of the report, so both copies of every event were read before we count
        CloudEvent marker = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_CLOSED, submitted,
                reopenedAt.plusSeconds(7400));

        GoldenComplaintEvents.applied(submitted, responded, responded, resolved, resolved, reopened, respondedAgain, reopened, rejected,
                rejected, closed, closed, marker);

        for (CloudEvent event : new CloudEvent[] { responded, resolved, reopened, respondedAgain, rejected, closed }) {
            assertThat(EscalationDatabase.number("select count(*) from processed_event where consumer = ? and event_id = ?",
                    ComplaintEventsConsumer.CONSUMER, event.id())).as(event.type()).isEqualTo(1);
        }
        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(clocks.getList("")).hasSize(1);
        // the duplicate reopening did not restart the clock the second response stopped
        assertThat(clocks.getString("[0].state")).isEqualTo("STOPPED");
        assertThat(clocks.getString("[0].startedAt")).isEqualTo(reopenedAt.toString());
        assertThat(clocks.getString("[0].stoppedAt")).isEqualTo(reopenedAt.plusSeconds(3600).toString());
        assertThat(clocks.getBoolean("[0].met")).isTrue();
    }

    @Test
    void lifecycleEventsOfAReportWithoutClocksChangeNothing() {
        CloudEvent stranger = GoldenComplaintEvents.submitted();
        CloudEvent responded = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, stranger, CHANGED_AT);
        CloudEvent reopened = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REOPENED, stranger, CHANGED_AT);
        CloudEvent closed = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_CLOSED, stranger, CHANGED_AT);

        for (CloudEvent event : new CloudEvent[] { responded, reopened, closed }) {
            GoldenComplaintEvents.send(event);
        }

        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, closed.id()));
        assertThat(EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, responded.id())).isTrue();
        assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ?",
                UUID.fromString(GoldenComplaintEvents.reportId(stranger)))).isZero();
    }
}
