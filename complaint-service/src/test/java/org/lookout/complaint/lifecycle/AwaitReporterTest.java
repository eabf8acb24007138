package org.lookout.complaint.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.lookout.complaint.ComplaintTestSupport.assertLifecycleEventOfKnownReporter;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Staff wait for the reporter and the reporter answers: the status stays, the clocks pause and resume by events. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class AwaitReporterTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String STAFF = Tokens.staff("DCY");
    private static final String REASON = "nobody home at 3-2, neighbour Mr. Li says back Friday";

    @Test
    void staffWaitForTheReporterAndResumeWhenTheReporterAnswers() {
        String id = assignedReport();

        command(STAFF, id, "await-reporter", "{\"reason\":\"" + REASON + "\"}").statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("awaitingReporterSince", notNullValue());
        command(STAFF, id, "reporter-answered", "").statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("awaitingReporterSince", nullValue());

        given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history").then().statusCode(200)
                .body("toStatus[-2]", equalTo("ASSIGNED")).body("fromStatus[-2]", equalTo("ASSIGNED"))
                .body("note[-2]", equalTo("waiting for the reporter: " + REASON))
                .body("note[-1]", equalTo("the reporter answered"));
        List<CloudEvent> events = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, 5, Duration.ofSeconds(30))
                .stream().map(CloudEventKafka::fromRecord).toList();
        assertThat(events.subList(3, 5)).extracting(CloudEvent::type)
                .containsExactly(EventType.COMPLAINT_PAUSED.type(), EventType.COMPLAINT_RESUMED.type());
        for (CloudEvent event : events.subList(3, 5)) {
            assertLifecycleEventOfKnownReporter(EventType.of(event.type()).orElseThrow(), event.data());
            assertThat(event.data().path("fromStatus").asText()).isEqualTo("ASSIGNED");
            assertThat(event.data().path("toStatus").asText()).isEqualTo("ASSIGNED");
            assertThat(event.data().toString()).doesNotContain("Mr. Li", "nobody home");
        }
    }

    @Test
    void waitingTwiceOrAnsweringWithoutWaitingIsAConflict() {
        String id = assignedReport();

        command(STAFF, id, "reporter-answered", "").statusCode(409).contentType(PROBLEM);
        command(STAFF, id, "await-reporter", "{}").statusCode(200)
                .body("awaitingReporterSince", notNullValue());
        command(STAFF, id, "await-reporter", "{}").statusCode(409).contentType(PROBLEM);
    }

    @Test
    void onlyAReportBeingHandledWaits() {
        String received = submit(Tokens.resident("DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, received, "await-reporter", "{}").statusCode(409).contentType(PROBLEM);

        String resolved = assignedReport();
        command(STAFF, resolved, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        command(STAFF, resolved, "await-reporter", "{}").statusCode(200);
        command(STAFF, resolved, "resolve", "{\"result\":\"fixed\"}").statusCode(200)
                // the wait ends where the report cannot wait: its clocks have stopped
                .body("awaitingReporterSince", nullValue());
        command(STAFF, resolved, "await-reporter", "{}").statusCode(409);
        command(STAFF, resolved, "reporter-answered", "").statusCode(409);
    }

    @Test
    void theSupervisorOfTheStreetMayWaitToo() {
        String id = assignedReport();

        // neither command needs a body
        command(Tokens.supervisor("DCYJD"), id, "await-reporter", "").statusCode(200)
                .body("awaitingReporterSince", notNullValue());
        command(Tokens.supervisor("DCYJD"), id, "reporter-answered", "").statusCode(200)
                .body("awaitingReporterSince", nullValue());
        given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history").then()
                .body("actorRole[-1]", equalTo("supervisor"));
    }

    @Test
    void otherRolesAndScopesAreRefused() {
        String reporter = Tokens.resident("reporter-await-1", "DCY");
        String id = submit(reporter, report()).statusCode(201).extract().path("id");
        command(STAFF, id, "accept", "{}").statusCode(200);

        for (String action : List.of("await-reporter", "reporter-answered")) {
            command(reporter, id, action, "{}").statusCode(403).contentType(PROBLEM);
            command(Tokens.lookout("DCY"), id, action, "{}").statusCode(403);
            command(Tokens.inspector(), id, action, "{}").statusCode(403);
            command(Tokens.agency("psb-district"), id, action, "{}").statusCode(403);
            command(Tokens.staff("DCN"), id, action, "{}").statusCode(404).contentType(PROBLEM);
            command(Tokens.supervisor("OTHERJD"), id, action, "{}").statusCode(404);
        }
        String confidential = submit(Tokens.resident("DCY"), report("cadre-conduct", "DCY", "APP")).statusCode(201)
                .extract().path("id");
        command(Tokens.admin(), confidential, "accept", "{}").statusCode(200);
        command(STAFF, confidential, "await-reporter", "{}").statusCode(404);
        command(Tokens.supervisor("DCYJD"), confidential, "await-reporter", "{}").statusCode(404);
    }

    @Test
    void aReasonOver500CharactersIsABadRequestNamingIt() {
        String id = assignedReport();

        command(STAFF, id, "await-reporter", "{\"reason\":\"" + "x".repeat(501) + "\"}").statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("reason"));
    }

    private static String assignedReport() {
        String id = submit(Tokens.resident("reporter-await-2", "DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, id, "accept", "{}").statusCode(200);
        command(STAFF, id, "assign", "{\"unit\":\"VOLUNTEER\"}").statusCode(200);
        return id;
    }
}
