package org.lookout.complaint.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.lookout.complaint.ComplaintTestSupport.assertLifecycleEventOfKnownReporter;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The lifecycle commands of ARCHITECTURE §5: the whole walk, its history and events, and every refusal. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ReportLifecycleTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REPORTER = "reporter-lifecycle-1";
    private static final String STAFF = Tokens.staff("DCY");
    private static final String NOTE = "钥匙在物业 — call Mr. Wang on 13800000000";

    @Test
    void aReportWalksItsWholeLifeWithHistoryAndEventsInOrder() {
        String reporter = Tokens.resident(REPORTER, "DCY");
        String id = newReport(reporter);

        command(STAFF, id, "accept", "{\"note\":\"" + NOTE + "\"}").statusCode(200).body("status", equalTo("ACCEPTED"));
        command(STAFF, id, "assign", "{\"unit\":\"PROPERTY_COMPANY\",\"note\":\"property company fixes lights\"}")
                .statusCode(200).body("status", equalTo("ASSIGNED"));
        command(STAFF, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200).body("status", equalTo("RESPONDED"));
        command(STAFF, id, "resolve", "{\"result\":\"bulb replaced\"}").statusCode(200).body("status", equalTo("RESOLVED"));
        command(reporter, id, "feedback", "{\"satisfied\":false,\"comment\":\"dark again the next day\"}")
                .statusCode(200).body("status", equalTo("REOPENED"));
        command(STAFF, id, "assign", "{\"unit\":\"STAFF\",\"staffMember\":\"staff-2\"}")
                .statusCode(200).body("status", equalTo("ASSIGNED"));
        command(STAFF, id, "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        command(STAFF, id, "resolve", "{\"result\":\"wiring repaired\"}").statusCode(200);
        command(reporter, id, "feedback", "{\"satisfied\":true}").statusCode(200).body("status", equalTo("CLOSED"));

        given().auth().oauth2(reporter).get("/api/complaints/" + id + "/history").then().statusCode(200)
                .body("toStatus", contains("RECEIVED", "ACCEPTED", "ASSIGNED", "RESPONDED", "RESOLVED", "REOPENED",
                        "ASSIGNED", "RESPONDED", "RESOLVED", "CLOSED"))
                .body("fromStatus[1]", equalTo("RECEIVED"))
                .body("actorRole", contains("resident", "staff", "staff", "staff", "staff", "resident", "staff", "staff",
                        "staff", "resident"))
                .body("note[1]", equalTo(NOTE))
                .body("note[5]", equalTo("not satisfied: dark again the next day"));

        List<EventType> expected = List.of(EventType.COMPLAINT_SUBMITTED, EventType.COMPLAINT_ACCEPTED,
                EventType.COMPLAINT_ASSIGNED, EventType.COMPLAINT_RESPONDED, EventType.COMPLAINT_RESOLVED,
                EventType.COMPLAINT_RATED, EventType.COMPLAINT_REOPENED, EventType.COMPLAINT_ASSIGNED,
                EventType.COMPLAINT_RESPONDED, EventType.COMPLAINT_RESOLVED, EventType.COMPLAINT_RATED,
                EventType.COMPLAINT_CLOSED);
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id,
                expected.size(), Duration.ofSeconds(30));
        List<CloudEvent> events = records.stream().map(CloudEventKafka::fromRecord).toList();

        assertThat(events).extracting(CloudEvent::type).containsExactlyElementsOf(expected.stream().map(EventType::type).toList());
        ContractAssertions.assertMatchesGoldenSample(expected.getFirst(), events.getFirst().data());
        String reporterRef = events.getFirst().data().path("reporterRef").asText();
        for (int i = 1; i < events.size(); i++) {
            assertLifecycleEventOfKnownReporter(expected.get(i), events.get(i).data());
            assertThat(events.get(i).data().path("reportId").asText()).isEqualTo(id);
            assertThat(events.get(i).data().path("reporterRef").asText()).isEqualTo(reporterRef);
        }
        assertThat(events.get(2).data().path("assigneeUnit").asText()).isEqualTo("PROPERTY_COMPANY");
        assertThat(events.get(5).data().path("satisfied").asBoolean()).isFalse();
        assertThat(events.get(6).data().path("toStatus").asText()).isEqualTo("REOPENED");
        assertThat(events.get(10).data().path("satisfied").asBoolean()).isTrue();
        assertThat(events.get(11).data().path("resolvable").asBoolean()).isTrue();
        assertThat(events.get(11).data().path("fromStatus").asText()).isEqualTo("RESOLVED");
        String everything = String.join("\n", records.stream().map(ConsumerRecord::value).toList());
        assertThat(everything).doesNotContain(REPORTER, "staff-2", "Mr. Wang", "13800000000", "bulb replaced",
                "dark again");
    }

    @Test
    void theSameAssignmentAgainIsARetryThatChangesNothing() {
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, id, "accept", "{}").statusCode(200);
        command(STAFF, id, "assign", "{\"unit\":\"VOLUNTEER\"}").statusCode(200).body("status", equalTo("ASSIGNED"));
        // the client's retry after a lost answer: 200 with the report as it is, no second entry, no second event
        command(STAFF, id, "assign", "{\"unit\":\"VOLUNTEER\"}").statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("assigneeUnit", equalTo("VOLUNTEER"));
        given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history").then().statusCode(200)
                .body("toStatus", contains("RECEIVED", "ACCEPTED", "ASSIGNED"));
        assertThat(org.lookout.complaint.ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_ASSIGNED)).isEqualTo(1);
        // another assignee is a real reassignment
        command(STAFF, id, "assign", "{\"unit\":\"STAFF\",\"staffMember\":\"staff-2\"}").statusCode(200);
        assertThat(org.lookout.complaint.ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_ASSIGNED)).isEqualTo(2);
    }

    @Test
    void aDuplicateIsRejectedWithItsOriginalLinked() {
        String original = newReport(Tokens.resident("DCY"));
        String id = newReport(Tokens.resident("DCY"));

        command(STAFF, id, "reject", "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"" + original + "\"}")
                .statusCode(200).body("status", equalTo("REJECTED"));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, 2,
                Duration.ofSeconds(30));
        CloudEvent rejected = CloudEventKafka.fromRecord(records.get(1));
        assertThat(rejected.type()).isEqualTo(EventType.COMPLAINT_REJECTED.type());
        assertLifecycleEventOfKnownReporter(EventType.COMPLAINT_REJECTED, rejected.data());
        assertThat(rejected.data().path("duplicateOf").asText()).isEqualTo(original);
    }

    @Test
    void aRespondedReportCanBeClosedAsNotResolvable() {
        String id = newReport(Tokens.resident("DCY"));
        command(STAFF, id, "accept", "{}").statusCode(200);
        command(STAFF, id, "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);

        command(STAFF, id, "close", "{\"resolvable\":false,\"note\":\"the building is being demolished\"}")
                .statusCode(200).body("status", equalTo("CLOSED_UNRESOLVABLE"));

        CloudEvent closed = CloudEventKafka.fromRecord(TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, 4,
                Duration.ofSeconds(30)).get(3));
        assertThat(closed.type()).isEqualTo(EventType.COMPLAINT_CLOSED.type());
        assertThat(closed.data().path("resolvable").asBoolean()).isFalse();
        assertThat(closed.data().path("toStatus").asText()).isEqualTo("CLOSED_UNRESOLVABLE");
    }

    @Test
    void anIllegalTransitionIs409NamingTheAllowedStates() {
        String id = newReport(Tokens.resident("DCY"));

        command(STAFF, id, "resolve", "{\"result\":\"done\"}")
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:lookout:problem:illegal-transition"))
                .body("status", equalTo(409))
                .body("from", equalTo("RECEIVED"))
                .body("action", equalTo("resolve"))
                .body("to", nullValue())
                .body("allowed", contains("ACCEPTED", "REJECTED", "ESCALATED"))
                .body("detail", containsString("ACCEPTED, REJECTED, ESCALATED"));
        command(STAFF, id, "close", "{\"resolvable\":false}").statusCode(409);

        given().auth().oauth2(STAFF).get("/api/complaints/" + id)
                .then().statusCode(200).body("status", equalTo("RECEIVED"));
        given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history")
                .then().statusCode(200).body("toStatus", contains("RECEIVED"));
    }

    @Test
    void twoHandlersMovingOneReportAtOnceLeaveOneChangeAndA409() {
        String id = newReport(Tokens.resident("DCY"));

        List<String> answers = IntStream.range(0, 8).parallel()
                .mapToObj(i -> command(STAFF, id, "accept", "{}").extract())
                .map(answer -> answer.statusCode() + " " + (answer.statusCode() == 200 ? "" : answer.path("type")))
                .toList();

        // the loser of the version check, or a command that read the report already accepted
        assertThat(answers).containsOnlyOnce("200 ").allMatch(answer -> answer.equals("200 ")
                || answer.equals("409 urn:lookout:problem:concurrent-change")
                || answer.equals("409 urn:lookout:problem:illegal-transition"));
        given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history")
                .then().statusCode(200).body("toStatus", contains("RECEIVED", "ACCEPTED"));
    }

    @Test
    void rolesOutsideTheCommunityStaffAreRefused() {
        String reporter = Tokens.resident("reporter-refusals-1", "DCY");
        String id = newReport(reporter);

        Map<String, String> validBodies = Map.of("accept", "{}", "reject", "{\"reason\":\"SPAM\"}",
                "assign", "{\"unit\":\"VOLUNTEER\"}",
                "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}",
                "resolve", "{\"result\":\"done\"}", "close", "{\"resolvable\":true}");
        validBodies.forEach((action, body) -> {
            command(reporter, id, action, body).statusCode(403).contentType(PROBLEM);
            command(Tokens.supervisor("DCYJD"), id, action, body).statusCode(403);
            command(Tokens.inspector(), id, action, body).statusCode(403);
            command(Tokens.staff("DCN"), id, action, body).statusCode(404).contentType(PROBLEM);
        });
        command(STAFF, id, "feedback", "{\"satisfied\":true}").statusCode(403);
        command(Tokens.resident("someone-else", "DCY"), id, "feedback", "{\"satisfied\":true}").statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(Tokens.resident("someone-else", "DCY")).get("/api/complaints/" + id + "/history")
                .then().statusCode(404);
        command(Tokens.admin(), id, "accept", "{}").statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void confidentialReportsAreNotHandledByCommunityStaff() {
        String id = submit(Tokens.resident("whistle-lifecycle", "DCY"), report("cadre-conduct", "DCY", "APP"))
                .statusCode(201).extract().path("id");

        command(STAFF, id, "accept", "{}").statusCode(404);
    }

    @Test
    void badBodiesAreProblemsNamingTheField() {
        String id = newReport(Tokens.resident("DCY"));
        String future = Instant.now().plus(Duration.ofDays(1)).toString();

        command(STAFF, id, "reject", "{\"reason\":\"DUPLICATE\"}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("duplicateOf"));
        command(STAFF, id, "reject", "{\"reason\":\"BORING\"}").statusCode(400).body("errors[0].field", equalTo("reason"));
        command(STAFF, id, "reject", "{}").statusCode(400).body("errors.field", hasItem("reason"));
        command(STAFF, id, "reject", "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"" + id + "\"}").statusCode(422)
                .body("errors[0].field", equalTo("duplicateOf"));
        command(STAFF, id, "accept", "{\"note\":\"" + "x".repeat(1001) + "\"}").statusCode(400)
                .body("errors.field", hasItem("note"));
        command(STAFF, id, "accept", "{}").statusCode(200);
        command(STAFF, id, "assign", "{\"unit\":\"STAFF\"}").statusCode(400).body("errors[0].field", equalTo("staffMember"));
        command(STAFF, id, "assign", "{\"note\":\"x\"}").statusCode(400).body("errors.field", hasItem("unit"));
        command(STAFF, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + future + "\"}").statusCode(400)
                .body("errors.field", hasItem("respondedAt"));
        command(STAFF, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"yesterday\"}").statusCode(400)
                .body("errors[0].field", equalTo("respondedAt"));
        command(STAFF, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"2020-01-01T00:00:00Z\"}")
                .statusCode(400).body("errors[0].field", equalTo("respondedAt"));
        command(STAFF, id, "resolve", "{\"result\":\" \"}").statusCode(400).body("errors.field", hasItem("result"));
        command(STAFF, id, "close", "{}").statusCode(400).body("errors.field", hasItem("resolvable"));
        command(Tokens.resident("DCY"), id, "feedback", "{}").statusCode(400).body("errors.field", hasItem("satisfied"));

        given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().body("status", equalTo("ACCEPTED"));
    }

    private static String newReport(String token) {
        return submit(token, report()).statusCode(201).extract().path("id");
    }
}
