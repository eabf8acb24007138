package org.lookout.escalation.clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.ReferenceDataFixture;
import org.lookout.escalation.messaging.incoming.ComplaintEventsConsumer;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The resolution clock: started by {@code accepted} for the item's working days (from the event's change time),
 * stopped by {@code resolved}, restarted by {@code reopened}; an edit of the item at complaint-service reaches only
 * clocks started afterwards.
 */
@QuarkusTest
@EscalationTestResources
class ResolutionClockTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String RESOLUTION = "RESOLUTION";
    // Thursday 2026-03-05 10:00 Shanghai: 3 working days are Fri 03-06, Mon 03-09, Tue 03-10 (the weekend between)
    private static final Instant ACCEPTED_AT = Instant.parse("2026-03-05T02:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2026-03-10T16:00:00Z");

    @Test
    void acceptanceStartsTheItemsResolutionClockAcrossAWeekend() {
        CloudEvent submitted = GoldenComplaintEvents.submitted(); // corridor-lighting: 3 working days

        GoldenComplaintEvents.applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT));

        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(clocks.getList("")).hasSize(2);
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "workingDays")).isEqualTo("3");
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "startedAt")).isEqualTo(ACCEPTED_AT.toString());
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "dueAt")).isEqualTo(DUE_AT.toString());
        // 75 % of the working time (Fri, Mon, Tue, 00:00-24:00 each): two days and six hours, Tue 06:00 Shanghai
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "warnAt")).isEqualTo("2026-03-09T22:00:00Z");
        assertThat(EscalationFixtures.clockField(clocks, "RESPONSE", "state")).isEqualTo("RUNNING");
    }

    @Test
    void resolutionStopsTheResolutionClockAndReopeningRestartsIt() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        Instant resolvedAt = DUE_AT.minusSeconds(3600);

        GoldenComplaintEvents.applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted, ACCEPTED_AT.plusSeconds(600)),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESOLVED, submitted, resolvedAt));

        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "state")).isEqualTo("STOPPED");
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "stoppedAt")).isEqualTo(resolvedAt.toString());
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "met")).isEqualTo("true");

        // reopened Wed 2026-03-11 10:00 Shanghai: three working days to the end of Mon 2026-03-16
        Instant reopenedAt = Instant.parse("2026-03-11T02:00:00Z");
        GoldenComplaintEvents.applied(GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REOPENED, submitted, reopenedAt));

        clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "state")).isEqualTo("RUNNING");
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "startedAt")).isEqualTo(reopenedAt.toString());
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "dueAt")).isEqualTo("2026-03-16T16:00:00Z");
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "met")).isNull();
        // the response clock keeps its outcome
        assertThat(EscalationFixtures.clockField(clocks, "RESPONSE", "state")).isEqualTo("STOPPED");
    }

    @Test
    void aLateResolutionStopsTheClockAsNotMet() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();

        GoldenComplaintEvents.applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESOLVED, submitted, DUE_AT.plusSeconds(1)));

        JsonPath clocks = EscalationFixtures.clocks(submitted.subject());
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "state")).isEqualTo("STOPPED");
        assertThat(EscalationFixtures.clockField(clocks, RESOLUTION, "met")).isEqualTo("false");
    }

    @Test
    void theSameAcceptanceTwiceStartsOneClock() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT);
        // a redelivery under a new id (e.g. republished) does not restart the running clock either
        CloudEvent acceptedAgain = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted,
                ACCEPTED_AT.plusSeconds(86_400));

        GoldenComplaintEvents.applied(submitted, accepted, accepted, acceptedAgain);

        assertThat(EscalationDatabase.number("select count(*) from processed_event where consumer = ? and event_id = ?",
                ComplaintEventsConsumer.CONSUMER, accepted.id())).isEqualTo(1);
        assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ? and kind = 'RESOLUTION'",
                UUID.fromString(GoldenComplaintEvents.reportId(submitted)))).isEqualTo(1);
        assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(submitted.subject()), RESOLUTION, "startedAt")).isEqualTo(ACCEPTED_AT.toString());
    }

    @Test
    void aPolicyChangeReachesOnlyClocksStartedAfterIt() {
        CloudEvent before = submitted("noise");
        CloudEvent after = submitted("noise");
        GoldenComplaintEvents.applied(before, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, before, ACCEPTED_AT));
        try {
            policy("noise", 7);
            GoldenComplaintEvents.applied(after, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, after, ACCEPTED_AT));

            assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(before.subject()), RESOLUTION, "workingDays")).isEqualTo("5");
            assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(before.subject()), RESOLUTION, "dueAt")).isEqualTo("2026-03-12T16:00:00Z");
            assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(after.subject()), RESOLUTION, "workingDays")).isEqualTo("7");
            assertThat(EscalationFixtures.clockField(EscalationFixtures.clocks(after.subject()), RESOLUTION, "dueAt")).isEqualTo("2026-03-16T16:00:00Z");
        } finally {
            policy("noise", 5);
        }
    }

    private static CloudEvent submitted(String item) {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data.put("itemCode", item));
    }

    /** An administrator's edit of the item at complaint-service, once this service's copy holds it. */
    private static void policy(String item, int days) {
        ReferenceDataFixture.publish(ReferenceDataFixture.edited(item, days));
        await().atMost(DEFAULT_WAIT).until(() -> Integer.valueOf(days).equals(given().auth().oauth2(Tokens.admin())
                .when().get("/api/escalations/policies").then().extract()
                .path("find { it.itemCode == '" + item + "' }.resolutionWorkingDays")));
    }
}
