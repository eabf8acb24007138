package org.lookout.escalation.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.testsupport.DatabaseOutage;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The escalation database goes away while reports arrive: every SLA clock starts once it is back, once, in the order of
 * each report's events, and nothing is on the dead-letter topic (on a running stack 143 submitted reports were parked
 * there and never got a clock).
 */
@QuarkusTest
@EscalationTestResources
class ComplaintEventsConsumerOutageTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);
    private static final String DLQ = "lookout.escalation-service.dlq";
    private static final int STREAM = 60;

    @Test
    void reportsSubmittedAndAcceptedWhileTheDatabaseIsDownGetTheirClocksOnceItIsBack() {
        CloudEvent accepted = GoldenComplaintEvents.submitted();
        CloudEvent acceptance = GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, accepted,
                Instant.parse("2026-02-13T10:00:00Z"));
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        List<CloudEvent> events = List.of(accepted, acceptance, submitted);
        List<String> reports = List.of(accepted.subject(), submitted.subject());

        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            outage.whileDatabaseDown(() -> events.forEach(GoldenComplaintEvents::send),
                    () -> events.stream().anyMatch(event -> outage.failedAttempts(event.id()) > 0)
                            || !outage.parkedOf(reports).isEmpty());
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();

            await("every event applied").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> events
                    .stream().allMatch(event -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, event.id())));

            // the acceptance came after the submission: the resolution clock runs beside the response clock
            assertThat(clocks(accepted.subject()).getList("kind", String.class))
                    .containsExactlyInAnyOrder("RESPONSE", "RESOLUTION");
            JsonPath onlySubmitted = clocks(submitted.subject());
            assertThat(onlySubmitted.getList("kind", String.class)).containsExactly("RESPONSE");
            assertThat(onlySubmitted.getString("[0].dueAt")).isEqualTo("2026-02-14T16:00:00Z");
            for (CloudEvent event : events) {
                assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = ?",
                        event.id())).isEqualTo(1);
            }
            assertThat(slaScheduled(accepted.subject())).isEqualTo(2);
            assertThat(slaScheduled(submitted.subject())).isEqualTo(1);
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
        }
    }

    /** The incident this guards against: the database killed while a stream of reports was being applied. */
    @Test
    void aStreamOfReportsCutByTheOutageMidwayIsAppliedOnceEach() throws Exception {
        List<CloudEvent> stream = IntStream.range(0, STREAM).mapToObj(i -> GoldenComplaintEvents.submitted()).toList();
        List<String> reports = stream.stream().map(CloudEvent::subject).toList();
        String ids = stream.stream().map(CloudEvent::id).collect(Collectors.joining(","));
        CompletableFuture<Void> sending = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                stream.forEach(GoldenComplaintEvents::send);
                sending.complete(null);
            } catch (RuntimeException e) {
                sending.completeExceptionally(e);
            }
        }, "reports-arriving");
        sender.start();

        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            await("the first reports applied").atMost(DEFAULT_WAIT).until(() -> applied(ids) >= 5);
            outage.whileDatabaseDown(() -> {
            }, () -> stream.stream().anyMatch(event -> outage.failedAttempts(event.id()) > 0)
                    || !outage.parkedOf(reports).isEmpty());
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
            sending.get(DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);

            await("every report applied").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> applied(ids) == STREAM);
            assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id::text = any(string_to_array(?, ','))",
                    String.join(",", reports))).as("one response clock per report").isEqualTo(STREAM);
            assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = any(string_to_array(?, ','))",
                    ids)).isEqualTo(STREAM);
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
        } finally {
            sender.join(DEFAULT_WAIT.toMillis());
        }
    }

    private static long applied(String eventIds) {
        return EscalationDatabase.number("select count(*) from processed_event where consumer = ?"
                + " and event_id = any(string_to_array(?, ','))", ComplaintEventsConsumer.CONSUMER, eventIds);
    }

    private static long slaScheduled(String reportId) {
        return EscalationDatabase.number("select count(*) from outbox_event where partition_key = ? and event_type = ?",
                reportId, EventType.ESCALATION_SLA_SCHEDULED.type());
    }

    private static JsonPath clocks(String reportId) {
        return given().auth().oauth2(Tokens.staff("DCY"))
                .when().get("/api/escalations/reports/{id}/clocks", reportId)
                .then().statusCode(200).extract().jsonPath();
    }
}
