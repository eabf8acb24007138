package org.lookout.complaint.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Follow-up (回访) by staff of reports filed for the reporter, and the anonymous reporter's own rating with the code and
 * secret: each counts as the report's rating, with the events a rating has; not where the reporter rates themselves.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class FollowUpResourceTest {

    private static final String COMMUNITY = "XHY";
    private static final String STAFF = Tokens.staff(COMMUNITY);
    private static final String SECRET = "X-Tracking-Secret";

    @Test
    void aPhoneReportIsFollowedUpByStaffAndTheAnswerCountsAsItsRating() {
        String id = resolved(submit(STAFF, report("noise", COMMUNITY, "PHONE")).statusCode(201).extract().path("id"));
        Instant reached = Instant.now();

        followUp(STAFF, id, "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"comment\":\"很满意\",\"reachedAt\":\""
                + reached + "\"}")
                .statusCode(201).body("reachedBy", equalTo("PHONE")).body("satisfied", equalTo(true))
                .body("comment", equalTo("很满意")).body("reportStatus", equalTo("CLOSED"));

        given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("satisfied", equalTo(true))
                .body("ratedBy", equalTo("FOLLOW_UP"));
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_RATED)).isEqualTo(1);
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_CLOSED)).isEqualTo(1);
        List<String> history = given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history").then()
                .extract().jsonPath().getList("note", String.class);
        assertThat(history).contains("follow-up by PHONE: satisfied: 很满意");
        List<Map<String, Object>> followUps = given().auth().oauth2(Tokens.supervisor("DCYJD"))
                .get("/api/complaints/" + id + "/follow-up").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(followUps).hasSize(1);
        assertThat(followUps.getFirst()).containsEntry("reachedBy", "PHONE").containsEntry("satisfied", true);
        // the reporter's words stay in this service: not on the topic
        assertThat(ComplaintDatabase.number("select count(*) from outbox_event where partition_key = ?"
                + " and payload like '%很满意%'", id)).isZero();
    }

    @Test
    void notSatisfiedReopensAReportALookoutFiledForSomeone() {
        String id = resolved(submit(Tokens.lookout(COMMUNITY), report("water", COMMUNITY, "LOOKOUT")).statusCode(201)
                .extract().path("id"));

        followUp(STAFF, id, "{\"reachedBy\":\"VISIT\",\"satisfied\":false,\"reachedAt\":\"" + Instant.now() + "\"}")
                .statusCode(201).body("reportStatus", equalTo("REOPENED"));
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_REOPENED)).isEqualTo(1);
        // not resolved any more: a second follow-up is an illegal move
        followUp(STAFF, id, "{\"reachedBy\":\"VISIT\",\"satisfied\":true,\"reachedAt\":\"" + Instant.now() + "\"}")
                .statusCode(409).body("type", equalTo("urn:lookout:problem:illegal-transition"))
                .body("from", equalTo("REOPENED"));
    }

    @Test
    void reportsTheirReporterRatesAreNotFollowedUp() {
        String app = resolved(submit(Tokens.resident("followup-app", COMMUNITY), report("water", COMMUNITY, "APP"))
                .statusCode(201).extract().path("id"));
        followUp(STAFF, app, "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"reachedAt\":\"" + Instant.now() + "\"}")
                .statusCode(409).contentType("application/problem+json");
        String anonymousPhone = resolved(submit(STAFF, report("water", COMMUNITY, "PHONE")
                .replace("\"anonymous\":false", "\"anonymous\":true")).statusCode(201).extract().path("id"));
        followUp(STAFF, anonymousPhone, "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"reachedAt\":\""
                + Instant.now() + "\"}").statusCode(409);
        given().auth().oauth2(STAFF).get("/api/complaints/" + app).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void badFollowUpsAreRefusedNamingTheField() {
        String id = resolved(submit(STAFF, report("noise", COMMUNITY, "LETTER")).statusCode(201).extract().path("id"));
        followUp(STAFF, id, "{\"reachedBy\":\"EMAIL\",\"satisfied\":true,\"reachedAt\":\"" + Instant.now() + "\"}")
                .statusCode(400);
        followUp(STAFF, id, "{\"reachedBy\":\"PHONE\",\"reachedAt\":\"" + Instant.now() + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("satisfied"));
        followUp(STAFF, id, "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"reachedAt\":\"2999-01-01T00:00:00Z\"}")
                .statusCode(400).body("errors[0].field", equalTo("reachedAt"));
        followUp(STAFF, id, "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"reachedAt\":\"2020-01-01T00:00:00Z\"}")
                .statusCode(422).body("errors[0].field", equalTo("reachedAt"));
        followUp(Tokens.staff("DCY"), id, "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"reachedAt\":\""
                + Instant.now() + "\"}").statusCode(404);
        given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void anAnonymousReporterRatesWithTheCodeAndSecret() {
        Map<String, Object> receipt = submit(Tokens.resident("anon-rater", COMMUNITY),
                report("water", COMMUNITY, "APP").replace("\"anonymous\":false", "\"anonymous\":true"))
                .statusCode(201).extract().path("$");
        String id = (String) receipt.get("id");
        String code = (String) receipt.get("trackingCode");
        String secret = (String) receipt.get("trackingSecret");

        rate(code, secret, "{\"satisfied\":true}").statusCode(409).body("from", equalTo("RECEIVED"));
        resolved(id);
        rate(code, "wrong-secret", "{\"satisfied\":true}").statusCode(404);
        rate(code, null, "{\"satisfied\":true}").statusCode(404);
        rate("ZZZZZZZZZZZZ", secret, "{\"satisfied\":true}").statusCode(404);
        rate(code, secret, "{}").statusCode(400).body("errors[0].field", equalTo("satisfied"));

        rate(code.toLowerCase(), secret, "{\"satisfied\":false,\"comment\":\"灯又坏了\"}").statusCode(200)
                .body("status", equalTo("REOPENED")).body("trackingNumber", equalTo(receipt.get("trackingNumber")));
        given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().body("satisfied", equalTo(false))
                .body("ratedBy", equalTo("REPORTER"));
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_RATED)).isEqualTo(1);
        assertThat(ComplaintDatabase.number("select count(*) from report_history where report_id = ?::uuid"
                + " and actor_role = 'anonymous' and to_status = 'REOPENED'", id)).isEqualTo(1);
    }

    /** Accepted, responded to on site, resolved by this community's staff. */
    private static String resolved(String id) {
        command(STAFF, id, "accept", "{}").statusCode(200);
        command(STAFF, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        command(STAFF, id, "resolve", "{\"result\":\"done\"}").statusCode(200);
        return id;
    }

    private static ValidatableResponse followUp(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/complaints/" + id + "/follow-up").then();
    }

    private static ValidatableResponse rate(String code, String secret, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (secret != null) {
            request.header(SECRET, secret);
        }
        return request.post("/api/complaints/track/" + code + "/feedback").then();
    }
}
