package org.lookout.complaint.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.assertLifecycleEventOfKnownReporter;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.outbox.DeadLetterHandler;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** The golden escalation events replayed on the real topic, applied to reports filed through the API. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class EscalationEventsConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String DLQ = "lookout.complaint-service.dlq";
    private static final String STAFF = Tokens.staff("DCY");
    private static final String REPORTER = "reporter-escalation-1";

    @Test
    void theGoldenEscalationMakesTheReportEscalatedAndItsOutcomeResolvesIt() {
        String id = acceptedReport();
        String escalationId = UUID.randomUUID().toString();

        apply(about(EventType.ESCALATION_OPENED, id, data -> data.put("escalationId", escalationId)));

        assertThat(view(id).getString("status")).isEqualTo("ESCALATED");
        assertThat(lastHistory(id, "note"))
                .isEqualTo("escalated (IMMEDIATE) to psb-district (lead), market-dcy");
        CloudEvent escalated = complaintEvents(id, 3).get(2);
        assertThat(escalated.type()).isEqualTo(EventType.COMPLAINT_ESCALATED.type());
        assertLifecycleEventOfKnownReporter(EventType.COMPLAINT_ESCALATED, escalated.data());
        assertThat(escalated.data().path("fromStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(escalated.data().path("toStatus").asText()).isEqualTo("ESCALATED");

        apply(about(EventType.ESCALATION_RESOLVED, id, data -> data.put("escalationId", escalationId)));

        JsonPath resolvedView = view(id);
        assertThat(resolvedView.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolvedView.getString("escalationOutcome")).isEqualTo("CASE_OPENED");
        CloudEvent resolved = complaintEvents(id, 4).get(3);
        assertThat(resolved.type()).isEqualTo(EventType.COMPLAINT_RESOLVED.type());
        assertLifecycleEventOfKnownReporter(EventType.COMPLAINT_RESOLVED, resolved.data());
        assertThat(resolved.data().path("fromStatus").asText()).isEqualTo("ESCALATED");
        assertThat(lastHistory(id, "actorRole")).isEqualTo("agency");
        // the reporter is asked for a rating as after any resolution
        command(Tokens.resident(REPORTER, "DCY"), id, "feedback", "{\"satisfied\":true}").statusCode(200);
    }

    @Test
    void notResolvableByTheAgencyHandsTheReportBackAsResponded() {
        String id = acceptedReport();
        String escalationId = UUID.randomUUID().toString();
        apply(about(EventType.ESCALATION_OPENED, id, data -> data.put("escalationId", escalationId)));

        apply(about(EventType.ESCALATION_RESOLVED, id, data -> data.put("escalationId", escalationId)
                .put("outcome", "NOT_RESOLVABLE")));

        assertThat(view(id).getString("status")).isEqualTo("RESPONDED");
        assertThat(view(id).getString("escalationOutcome")).isEqualTo("NOT_RESOLVABLE");
        CloudEvent responded = complaintEvents(id, 4).get(3);
        assertThat(responded.type()).isEqualTo(EventType.COMPLAINT_RESPONDED.type());
        assertThat(responded.data().path("fromStatus").asText()).isEqualTo("ESCALATED");
        // the community decides what next, e.g. an honest "closed, not resolvable"
        command(STAFF, id, "close", "{\"resolvable\":false}").statusCode(200);
    }

    @Test
    void aReturnedEscalationGoesBackToTheCommunityWithItsReasonInTheHistory() {
        String id = acceptedReport();
        String escalationId = UUID.randomUUID().toString();
        apply(about(EventType.ESCALATION_OPENED, id, data -> data.put("escalationId", escalationId)));

        apply(about(EventType.ESCALATION_RETURNED, id, data -> data.put("escalationId", escalationId)));

        assertThat(view(id).getString("status")).isEqualTo("ASSIGNED");
        assertThat(lastHistory(id, "fromStatus")).isEqualTo("ESCALATED");
        assertThat(lastHistory(id, "note")).isEqualTo("returned by agency psb-district: WRONG_JURISDICTION");
        command(STAFF, id, "assign", "{\"unit\":\"VOLUNTEER\"}").statusCode(200);
    }

    @Test
    void newsOfAnEscalationIsHistoryOnly() {
        String id = acceptedReport();
        String escalationId = UUID.randomUUID().toString();
        apply(about(EventType.ESCALATION_OPENED, id, data -> data.put("escalationId", escalationId)));

        apply(about(EventType.ESCALATION_ACKNOWLEDGED, id, data -> data.put("escalationId", escalationId)));
        apply(about(EventType.ESCALATION_PROGRESSED, id, data -> data.put("escalationId", escalationId)));
        apply(about(EventType.ESCALATION_DEADLINE_MISSED, id, data -> data.put("escalationId", escalationId)));
        // a non-lead agency resolving its part of a joint escalation does not resolve the report
        apply(about(EventType.ESCALATION_RESOLVED, id, data -> data.put("escalationId", escalationId)
                .put("agencyCode", "market-dcy").put("lead", false).put("escalationStatus", "ACKNOWLEDGED")));

        assertThat(view(id).getString("status")).isEqualTo("ESCALATED");
        JsonPath history = history(id);
        assertThat(history.getList("note", String.class)).endsWith("escalation acknowledged by agency psb-district",
                "progress reported by agency psb-district", "escalation deadline missed by agency psb-district",
                "agency market-dcy resolved: CASE_OPENED (the report stays ESCALATED)");
        assertThat(history.getList("toStatus", String.class)).endsWith("ESCALATED", "ESCALATED", "ESCALATED",
                "ESCALATED");
    }

    @Test
    void anEventTheReportCannotFollowIsHistoryOnlyNeverAnError() {
        String rejected = submit(Tokens.resident("DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, rejected, "reject", "{\"reason\":\"SPAM\"}").statusCode(200);
        String escalated = acceptedReport();
        String escalationId = UUID.randomUUID().toString();
        apply(about(EventType.ESCALATION_OPENED, escalated, data -> data.put("escalationId", escalationId)));

        apply(about(EventType.ESCALATION_OPENED, rejected, data -> {
        }));
        // the outcome of another escalation than the one the report waits for
        apply(about(EventType.ESCALATION_RESOLVED, escalated, data -> data.put("escalationId",
                UUID.randomUUID().toString())));

        assertThat(view(rejected).getString("status")).isEqualTo("REJECTED");
        assertThat(lastHistory(rejected, "note")).isEqualTo(
                "escalated (IMMEDIATE) to psb-district (lead), market-dcy (the report stays REJECTED)");
        assertThat(view(escalated).getString("status")).isEqualTo("ESCALATED");
        assertThat(lastHistory(escalated, "note")).endsWith("(the report stays ESCALATED)");
    }

    @Test
    void anEventAboutAnUnknownReportIsSkipped() {
        CloudEvent unknown = about(EventType.ESCALATION_OPENED, UUID.randomUUID().toString(), data -> {
        });

        apply(unknown);

        assertThat(ComplaintDatabase.number("select count(*) from report_history where report_id = ?",
                UUID.fromString(unknown.subject()))).isZero();
    }

    @Test
    void dueTimesAndBreachesShowOnTheReportAndARestartClearsTheBreach() {
        String id = acceptedReport();

        apply(about(EventType.ESCALATION_SLA_SCHEDULED, id, data -> {
        }));
        apply(about(EventType.ESCALATION_SLA_SCHEDULED, id, data -> data.put("clockKind", "RESOLUTION")
                .put("workingDays", 3).put("dueAt", "2026-02-18T16:00:00Z").put("provisional", true)));
        apply(about(EventType.ESCALATION_SLA_BREACHED, id, data -> {
        }));

        JsonPath breached = view(id);
        assertThat(breached.getString("responseDueAt")).isEqualTo("2026-02-14T16:00:00Z");
        assertThat(breached.getString("responseBreachedAt")).isEqualTo("2026-02-14T16:00:00Z");
        assertThat(breached.getBoolean("responseInTime")).isFalse();
        assertThat(breached.getString("resolutionDueAt")).isEqualTo("2026-02-18T16:00:00Z");
        assertThat(breached.getString("resolutionBreachedAt")).isNull();
        assertThat(breached.getString("resolutionInTime")).isNull();
        assertThat(breached.getBoolean("dueProvisional")).isTrue();

        apply(about(EventType.ESCALATION_SLA_SCHEDULED, id, data -> data.put("reason", "RESTARTED")
                .put("dueAt", "2026-03-03T16:00:00Z")));

        JsonPath restarted = view(id);
        assertThat(restarted.getString("responseDueAt")).isEqualTo("2026-03-03T16:00:00Z");
        assertThat(restarted.getString("responseBreachedAt")).isNull();
        assertThat(restarted.getString("responseInTime")).isNull();
    }

    @Test
    void eachEventDeliveredTwiceHasItsEffectOnce() {
        String id = acceptedReport();
        String escalationId = UUID.randomUUID().toString();
        CloudEvent opened = about(EventType.ESCALATION_OPENED, id, data -> data.put("escalationId", escalationId));
        CloudEvent acknowledged = about(EventType.ESCALATION_ACKNOWLEDGED, id,
                data -> data.put("escalationId", escalationId));
        CloudEvent resolved = about(EventType.ESCALATION_RESOLVED, id, data -> data.put("escalationId", escalationId));

        for (CloudEvent event : List.of(opened, opened, acknowledged, acknowledged)) {
            GoldenEvents.send(event);
        }
        // a later event of the same report (same partition) proves both copies were read before we count
        apply(resolved);

        assertThat(view(id).getString("status")).isEqualTo("RESOLVED");
        assertThat(history(id).getList("toStatus", String.class))
                .containsExactly("RECEIVED", "ACCEPTED", "ESCALATED", "ESCALATED", "RESOLVED");
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_ESCALATED)).isEqualTo(1);
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_RESOLVED)).isEqualTo(1);
        assertThat(ComplaintDatabase.number("select count(*) from processed_event where event_id = ?", opened.id()))
                .isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() {
        String id = acceptedReport();
        CloudEvent good = about(EventType.ESCALATION_OPENED, id, data -> {
        });
        // same key, so the same partition: the good record is read after the malformed ones
        TopicProbe.send(Topics.ESCALATION, id, Map.of(), "{\"no\":\"headers\"}");
        TopicProbe.send(Topics.ESCALATION, id, CloudEventKafka.headers(good), "this is not json");

        apply(good);

        assertThat(view(id).getString("status")).isEqualTo("ESCALATED");
        List<ConsumerRecord<String, String>> parked = TopicProbe.awaitRecordsWithKey(DLQ, id, 2, DEFAULT_WAIT);
        assertThat(parked).extracting(ConsumerRecord::value)
                .containsExactly("{\"no\":\"headers\"}", "this is not json");
        for (ConsumerRecord<String, String> record : parked) {
            assertThat(record.headers().toArray()).extracting(Header::key).as("decided headers only")
                    .isSubsetOf(DeadLetterHandler.HEADERS);
            assertThat(TopicProbe.header(record, DeadLetterHandler.CODE)).contains("malformed");
        }
    }

    /** The golden sample of {@code type} about the report {@code reportId}, with a fresh event id. */
    private static CloudEvent about(EventType type, String reportId, Consumer<ObjectNode> edit) {
        CloudEvent sample = CloudEvent.fromStructured(EventJson.readResource(type.sampleResource()));
        ObjectNode data = sample.data().deepCopy();
        data.put("reportId", reportId);
        edit.accept(data);
        return new CloudEvent(UUID.randomUUID().toString(), sample.source(), sample.type(), reportId, sample.time(),
                data);
    }

    /** Sends the event and waits until the consumer has applied it. */
    private static void apply(CloudEvent event) {
        GoldenEvents.send(event);
        await().atMost(DEFAULT_WAIT).until(() -> ComplaintDatabase.processed(EscalationEventsConsumer.CONSUMER,
                event.id()));
    }

    private static String acceptedReport() {
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, id, "accept", "{}").statusCode(200);
        return id;
    }

    private static JsonPath view(String id) {
        return given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath history(String id) {
        return given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A field of the report's latest history entry. */
    private static String lastHistory(String id, String field) {
        return history(id).getString(field + "[-1]");
    }

    private static List<CloudEvent> complaintEvents(String id, int count) {
        return TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, count, DEFAULT_WAIT).stream()
                .map(CloudEventKafka::fromRecord).toList();
    }
}
