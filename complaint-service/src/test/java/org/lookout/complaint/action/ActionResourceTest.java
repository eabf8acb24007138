package org.lookout.complaint.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * The gas-alarm case (集中办理): lookouts report the risk household by household, staff group the reports into one
 * action and work it once; every report moves itself, with its own history and events, so each reporter is told and
 * asked for a rating. A report leaves before it is resolved, not after; one report that cannot move holds all back.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ActionResourceTest {

    private static final String COMMUNITY = "QNJ";
    private static final String STAFF = Tokens.staff(COMMUNITY);

    @Test
    void theCommunityInstallsGasAlarmsOnceAndEveryReportFollowsWithItsOwnHistoryAndEvents() {
        List<String> reports = new ArrayList<>();
        for (int household = 0; household < 4; household++) {
            reports.add(lookoutReport());
        }
        String action = create("{\"title\":\"为空巢老人安装燃气报警器\",\"itemCode\":\"heating-gas\",\"reportIds\":"
                + json(reports) + "}").statusCode(201).body("open", equalTo(4)).extract().path("id");
        for (String id : reports) {
            given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().body("actionId", equalTo(action));
        }

        // one household no longer needs it: it leaves before anything is done
        work(action, "reports/" + reports.get(3), null, "DELETE").statusCode(200).body("open", equalTo(3));
        List<String> worked = reports.subList(0, 3);
        work(action, "accept", "{}", "POST").statusCode(200);
        work(action, "assign", "{\"unit\":\"VOLUNTEER\"}", "POST").statusCode(200);
        work(action, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}", "POST")
                .statusCode(200);
        work(action, "resolve", "{\"result\":\"报警器已安装\"}", "POST").statusCode(200).body("open", equalTo(0))
                .body("reports.status", org.hamcrest.Matchers.everyItem(equalTo("RESOLVED")));

        for (String id : worked) {
            assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_ACCEPTED)).isEqualTo(1);
            assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_ASSIGNED)).isEqualTo(1);
            assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_RESPONDED)).isEqualTo(1);
            assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_RESOLVED)).as("the rating request")
                    .isEqualTo(1);
            List<String> steps = given().auth().oauth2(STAFF).get("/api/complaints/" + id + "/history").then()
                    .extract().jsonPath().getList("toStatus", String.class);
            assertThat(steps).containsExactly("RECEIVED", "RECEIVED", "ACCEPTED", "ASSIGNED", "RESPONDED", "RESOLVED");
        }
        String left = reports.get(3);
        given().auth().oauth2(STAFF).get("/api/complaints/" + left).then().body("status", equalTo("RECEIVED"))
                .body("actionId", equalTo(null));
        assertThat(ComplaintDatabase.outboxEvents(left, EventType.COMPLAINT_ACCEPTED)).isZero();

        // resolved: a report no longer leaves; each reporter rates their own
        work(action, "reports/" + worked.getFirst(), null, "DELETE").statusCode(409);
        given().auth().oauth2(Tokens.lookout(COMMUNITY)).contentType(ContentType.JSON).body("{\"satisfied\":true}")
                .post("/api/complaints/" + worked.getFirst() + "/feedback").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().auth().oauth2(Tokens.supervisor("DCYJD")).get("/api/complaints/actions/" + action).then()
                .statusCode(200).body("reports.size()", equalTo(3));
        assertThat(given().auth().oauth2(STAFF).get("/api/complaints/actions").then().statusCode(200).extract()
                .jsonPath().getList("id", String.class)).contains(action);
    }

    @Test
    void oneReportThatCannotMoveHoldsTheWholeActionBack() {
        String first = lookoutReport();
        String second = lookoutReport();
        String action = create("{\"title\":\"alarms\",\"itemCode\":\"heating-gas\",\"reportIds\":" + json(List.of(first,
                second)) + "}").statusCode(201).extract().path("id");
        command(STAFF, second, "accept", "{}").statusCode(200);
        String secondNumber = given().auth().oauth2(STAFF).get("/api/complaints/" + second).then().extract()
                .path("trackingNumber");

        work(action, "accept", "{}", "POST").statusCode(409)
                .body("type", equalTo("urn:lookout:problem:illegal-transition"))
                .body("trackingNumber", equalTo(secondNumber)).body("reportId", equalTo(second));
        given().auth().oauth2(STAFF).get("/api/complaints/" + first).then().body("status", equalTo("RECEIVED"));
        assertThat(ComplaintDatabase.outboxEvents(first, EventType.COMPLAINT_ACCEPTED)).as("nothing of it stored")
                .isZero();
    }

    @Test
    void onlyOpenReportsOfTheCommunityJoinAndEachOnlyOneAction() {
        String open = lookoutReport();
        String elsewhere = submit(Tokens.lookout("HPL"), report("heating-gas", "HPL", "LOOKOUT")).statusCode(201)
                .extract().path("id");
        String confidential = submit(Tokens.resident("action-whistle", COMMUNITY),
                report("cadre-conduct", COMMUNITY, "APP")).statusCode(201).extract().path("id");

        create("{\"title\":\"t\",\"itemCode\":\"heating-gas\",\"reportIds\":" + json(List.of(open, elsewhere)) + "}")
                .statusCode(422).body("errors[0].field", equalTo("reportIds[1]"));
        create("{\"title\":\"t\",\"itemCode\":\"heating-gas\",\"reportIds\":" + json(List.of(confidential)) + "}")
                .statusCode(422).body("errors[0].field", equalTo("reportIds[0]"));
        create("{\"title\":\"t\",\"itemCode\":\"no-such-item\",\"reportIds\":" + json(List.of(open)) + "}")
                .statusCode(422).body("errors[0].field", equalTo("itemCode"));
        create("{\"title\":\"t\",\"itemCode\":\"heating-gas\",\"reportIds\":[]}").statusCode(400);
        String action = create("{\"title\":\"t\",\"itemCode\":\"heating-gas\",\"reportIds\":" + json(List.of(open))
                + "}").statusCode(201).extract().path("id");
        create("{\"title\":\"t2\",\"itemCode\":\"heating-gas\",\"reportIds\":" + json(List.of(open)) + "}")
                .statusCode(422).body("errors[0].field", equalTo("reportIds[0]"));
        work(action, "reports", "{\"reportIds\":" + json(List.of(elsewhere)) + "}", "POST").statusCode(422);
        given().auth().oauth2(Tokens.staff("HPL")).get("/api/complaints/actions/" + action).then().statusCode(404);
    }

    private static String lookoutReport() {
        return submit(Tokens.lookout(COMMUNITY), report("heating-gas", COMMUNITY, "LOOKOUT")).statusCode(201).extract()
                .path("id");
    }

    private static ValidatableResponse create(String body) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).post("/api/complaints/actions")
                .then();
    }

    private static ValidatableResponse work(String action, String what, String body, String method) {
        var request = given().auth().oauth2(STAFF);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, "/api/complaints/actions/" + action + "/" + what).then();
    }

    private static String json(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
