package org.lookout.escalation.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The resolution clock: started by {@code accepted} for the item's working days (from the event's change time),
 * stopped by {@code resolved}, restarted by {@code reopened}; a policy change reaches only clocks started afterwards.
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

        applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT));

        JsonPath clocks = clocks(submitted);
        assertThat(clocks.getList("")).hasSize(2);
        assertThat(field(clocks, RESOLUTION, "state")).isEqualTo("RUNNING");
        assertThat(field(clocks, RESOLUTION, "workingDays")).isEqualTo("3");
        assertThat(field(clocks, RESOLUTION, "startedAt")).isEqualTo(ACCEPTED_AT.toString());
        assertThat(field(clocks, RESOLUTION, "dueAt")).isEqualTo(DUE_AT.toString());
        // 75 % of the working time (Fri, Mon, Tue, 00:00-24:00 each): two days and six hours, Tue 06:00 Shanghai
        assertThat(field(clocks, RESOLUTION, "warnAt")).isEqualTo("2026-03-09T22:00:00Z");
        assertThat(field(clocks, "RESPONSE", "state")).isEqualTo("RUNNING");
    }

    @Test
    void resolutionStopsTheResolutionClockAndReopeningRestartsIt() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        Instant resolvedAt = DUE_AT.minusSeconds(3600);

        applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, submitted, ACCEPTED_AT.plusSeconds(600)),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESOLVED, submitted, resolvedAt));

        JsonPath clocks = clocks(submitted);
        assertThat(field(clocks, RESOLUTION, "state")).isEqualTo("STOPPED");
        assertThat(field(clocks, RESOLUTION, "stoppedAt")).isEqualTo(resolvedAt.toString());
        assertThat(field(clocks, RESOLUTION, "met")).isEqualTo("true");

        // reopened Wed 2026-03-11 10:00 Shanghai: three working days to the end of Mon 2026-03-16
        Instant reopenedAt = Instant.parse("2026-03-11T02:00:00Z");
        applied(GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_REOPENED, submitted, reopenedAt));

        clocks = clocks(submitted);
        assertThat(field(clocks, RESOLUTION, "state")).isEqualTo("RUNNING");
        assertThat(field(clocks, RESOLUTION, "startedAt")).isEqualTo(reopenedAt.toString());
        assertThat(field(clocks, RESOLUTION, "dueAt")).isEqualTo("2026-03-16T16:00:00Z");
        assertThat(field(clocks, RESOLUTION, "met")).isNull();
        // the response clock keeps its outcome
        assertThat(field(clocks, "RESPONSE", "state")).isEqualTo("STOPPED");
    }

    @Test
    void aLateResolutionStopsTheClockAsNotMet() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();

        applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESOLVED, submitted, DUE_AT.plusSeconds(1)));

        JsonPath clocks = clocks(submitted);
        assertThat(field(clocks, RESOLUTION, "state")).isEqualTo("STOPPED");
        assertThat(field(clocks, RESOLUTION, "met")).isEqualTo("false");
    }

    @Test
    void theSameAcceptanceTwiceStartsOneClock() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        CloudEvent accepted = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT);
        // a redelivery under a new id (e.g. republished) does not restart the running clock either
        CloudEvent acceptedAgain = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted,
                ACCEPTED_AT.plusSeconds(86_400));

        applied(submitted, accepted, accepted, acceptedAgain);

        assertThat(EscalationDatabase.number("select count(*) from processed_event where consumer = ? and event_id = ?",
                ComplaintEventsConsumer.CONSUMER, accepted.id())).isEqualTo(1);
        assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ? and kind = 'RESOLUTION'",
                UUID.fromString(GoldenComplaintEvents.reportId(submitted)))).isEqualTo(1);
        assertThat(field(clocks(submitted), RESOLUTION, "startedAt")).isEqualTo(ACCEPTED_AT.toString());
    }

    @Test
    void aPolicyChangeReachesOnlyClocksStartedAfterIt() {
        CloudEvent before = submitted("noise");
        CloudEvent after = submitted("noise");
        applied(before, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, before, ACCEPTED_AT));
        try {
            policy("noise", 7, "pilot: longer target for noise");
            applied(after, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, after, ACCEPTED_AT));

            assertThat(field(clocks(before), RESOLUTION, "workingDays")).isEqualTo("5");
            assertThat(field(clocks(before), RESOLUTION, "dueAt")).isEqualTo("2026-03-12T16:00:00Z");
            assertThat(field(clocks(after), RESOLUTION, "workingDays")).isEqualTo("7");
            assertThat(field(clocks(after), RESOLUTION, "dueAt")).isEqualTo("2026-03-16T16:00:00Z");
        } finally {
            policy("noise", 5, "pilot ended");
        }
    }

    @Test
    void anItemWithoutAPolicyRunsNoResolutionClock() {
        CloudEvent submitted = submitted("no-such-item");

        applied(submitted, GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, submitted, ACCEPTED_AT));

        JsonPath clocks = clocks(submitted);
        assertThat(clocks.getList("")).hasSize(1);
        assertThat(clocks.getString("[0].kind")).isEqualTo("RESPONSE");
    }

    private static CloudEvent submitted(String item) {
        return GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data.put("itemCode", item));
    }

    private static void policy(String item, int days, String reason) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("resolutionWorkingDays", days, "reason", reason))
                .when().put("/api/escalations/policies/{item}", item)
                .then().statusCode(200);
    }

    private static String field(JsonPath clocks, String kind, String field) {
        Object value = clocks.get("find { it.kind == '" + kind + "' }." + field);
        return value == null ? null : value.toString();
    }

    /** Sends the events in order (same report, same partition) and waits until the last one has been applied. */
    private static void applied(CloudEvent... events) {
        for (CloudEvent event : events) {
            GoldenComplaintEvents.send(event);
        }
        CloudEvent last = events[events.length - 1];
        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, last.id()));
    }

    private static JsonPath clocks(CloudEvent submitted) {
        return given().auth().oauth2(Tokens.admin())
                .when().get("/api/escalations/reports/{id}/clocks", GoldenComplaintEvents.reportId(submitted))
                .then().statusCode(200).extract().jsonPath();
    }
}
