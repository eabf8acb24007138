package org.lookout.complaint.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.DatabaseOutage;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The complaint database goes away while escalation-service's news arrives: every due time, breach and escalation
 * shows on its report once the database is back, in order and once, and nothing is on the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class EscalationEventsConsumerOutageTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);
    private static final String DLQ = "lookout.complaint-service.dlq";
    private static final String STAFF = Tokens.staff("DCY");

    @Test
    void dueTimesBreachesAndEscalationsSentWhileTheDatabaseIsDownShowOnceItIsBack() {
        String clocked = acceptedReport();
        String escalated = acceptedReport();
        CloudEvent responseDue = GoldenEvents.about(EventType.ESCALATION_SLA_SCHEDULED, clocked, data -> {
        });
        CloudEvent resolutionDue = GoldenEvents.about(EventType.ESCALATION_SLA_SCHEDULED, clocked, data -> data
                .put("clockKind", "RESOLUTION").put("workingDays", 3).put("dueAt", "2026-02-18T16:00:00Z")
                .put("provisional", true));
        // a breach only makes sense after its due time: the order of one report's events must hold
        CloudEvent breached = GoldenEvents.about(EventType.ESCALATION_SLA_BREACHED, clocked, data -> {
        });
        CloudEvent opened = GoldenEvents.about(EventType.ESCALATION_OPENED, escalated,
                data -> data.put("escalationId", UUID.randomUUID().toString()));
        List<CloudEvent> events = List.of(responseDue, resolutionDue, breached, opened);
        List<String> reports = List.of(clocked, escalated);

        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            outage.whileDatabaseDown(() -> events.forEach(GoldenEvents::send),
                    () -> events.stream().anyMatch(event -> outage.failedAttempts(event.id()) > 0)
                            || !outage.parkedOf(reports).isEmpty());
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();

            await("every event applied").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> events
                    .stream().allMatch(event -> ComplaintDatabase.processed(EscalationEventsConsumer.CONSUMER, event.id())));

            JsonPath clockedView = view(clocked);
            assertThat(clockedView.getString("responseDueAt")).isEqualTo("2026-02-14T16:00:00Z");
            assertThat(clockedView.getString("responseBreachedAt")).isEqualTo("2026-02-14T16:00:00Z");
            assertThat(clockedView.getString("resolutionDueAt")).isEqualTo("2026-02-18T16:00:00Z");
            assertThat(clockedView.getBoolean("dueProvisional")).isTrue();
            assertThat(view(escalated).getString("status")).isEqualTo("ESCALATED");
            assertThat(ComplaintDatabase.outboxEvents(escalated, EventType.COMPLAINT_ESCALATED)).isEqualTo(1);
            for (CloudEvent event : events) {
                assertThat(ComplaintDatabase.number("select count(*) from processed_event where event_id = ?",
                        event.id())).isEqualTo(1);
            }
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
            assertThat(events.stream().flatMap(event -> outage.notices(event.id()).stream()))
                    .as("recovery lines").isNotEmpty()
                    .allSatisfy(line -> assertThat(line.message()).contains(" applied after "));
        }
    }

    private static String acceptedReport() {
        String id = submit(Tokens.resident("reporter-outage-1", "DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, id, "accept", "{}").statusCode(200);
        return id;
    }

    private static JsonPath view(String id) {
        return given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }
}
