package org.lookout.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_BUILDING;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_DESCRIPTION;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_TITLE;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Year;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class IntakeResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void residentFilesAReportAndGetsATrackingNumber() {
        String year = String.valueOf(Year.now(ZoneId.of("Asia/Shanghai")).getValue());

        String id = submit(Tokens.resident("DCY"), report())
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/complaints/[0-9a-f-]{36}"))
                .body("trackingNumber", matchesPattern("DCY-" + year + "-\\d{6}"))
                .body("status", equalTo("RECEIVED"))
                .body("categoryCode", equalTo("LIFE"))
                .body("confidential", equalTo(false))
                .extract().path("id");

        given().auth().oauth2(Tokens.resident("DCY")).get("/api/complaints/" + id)
                .then().statusCode(200).body("location.building", equalTo(DEFAULT_BUILDING));
        given().auth().oauth2(Tokens.resident("DCY")).get("/api/complaints")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void trackingNumbersOfACommunityFollowEachOtherWithoutGaps() {
        int first = sequence(submit(Tokens.staff("HPL"), report("water", "HPL", "PHONE")).statusCode(201)
                .extract().path("trackingNumber"));
        int second = sequence(submit(Tokens.staff("HPL"), report("noise", "HPL", "VISIT")).statusCode(201)
                .extract().path("trackingNumber"));
        submit(Tokens.staff("HPL"), report("no-such-item", "HPL", "VISIT")).statusCode(422);
        int third = sequence(submit(Tokens.staff("HPL"), report("water", "HPL", "LETTER")).statusCode(201)
                .extract().path("trackingNumber"));

        assertThat(second).isEqualTo(first + 1);
        assertThat(third).as("a refused intake gives its number back").isEqualTo(second + 1);
    }

    @Test
    void aReportIsVisibleOnlyWithinTheCallersScope() {
        String id = submit(Tokens.resident("filer-1", "DCY"), report()).statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.supervisor("DCYJD")).get("/api/complaints/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).get("/api/complaints/" + id).then().statusCode(200);
        for (String outsider : new String[] { Tokens.resident("someone-else", "DCY"), Tokens.staff("DCN"),
                Tokens.supervisor("OTHERJD"), Tokens.inspector() }) {
            given().auth().oauth2(outsider).get("/api/complaints/" + id)
                    .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        }
    }

    @Test
    void reportsAboutOfficialsAreForInspectorsNotCommunityStaff() {
        String id = submit(Tokens.resident("whistle-1", "DCY"), report("cadre-conduct", "DCY", "APP"))
                .statusCode(201).body("confidential", equalTo(true)).extract().path("id");

        given().auth().oauth2(Tokens.inspector()).header("X-Access-Reason", "tip-off review")
                .get("/api/complaints/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor("DCYJD")).get("/api/complaints/" + id).then().statusCode(404);
    }

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().contentType(ContentType.JSON).body(report()).post("/api/complaints")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(Tokens.expired()).contentType(ContentType.JSON).body(report()).post("/api/complaints")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.wrongAudience()).contentType(ContentType.JSON).body(report()).post("/api/complaints")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rolesThatMayNotFileAreRefused() {
        for (String token : new String[] { Tokens.inspector(), Tokens.supervisor("DCYJD"), Tokens.agency("police-dcy"),
                Tokens.admin() }) {
            submit(token, report()).statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        }
    }

    @Test
    void callersFileOnlyInTheirOwnCommunityAndThroughTheirChannels() {
        submit(Tokens.resident("DCN"), report()).statusCode(403).contentType(PROBLEM)
                .body("errors[0].field", equalTo("communityCode"));
        submit(Tokens.resident("DCY"), report("water", "DCY", "VISIT")).statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("channel"));
        submit(Tokens.staff("DCY"), report("water", "DCY", "APP")).statusCode(422)
                .body("errors[0].field", equalTo("channel"));
        submit(Tokens.lookout("DCY"), report("water", "DCY", "LOOKOUT")).statusCode(201);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        submit(Tokens.resident("DCY"), report("no-such-item", "DCY", "APP"))
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("itemCode"));
        submit(Tokens.resident("DCY"), report().replace("\"title\":\"" + DEFAULT_TITLE + "\",", ""))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
        submit(Tokens.resident("DCY"), report().replace("\"latitude\":39.92", "\"latitude\":91"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("location.latitude"));
        submit(Tokens.resident("DCY"), report().replace("\"latitude\":39.92", "\"latitude\":\"north\""))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("location.latitude"));
        submit(Tokens.resident("DCY"), report().replace("\"APP\"", "\"CARRIER_PIGEON\""))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("channel"));
        submit(Tokens.resident("DCY"), report().replace(DEFAULT_DESCRIPTION, "x".repeat(4001)))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("description"));
        submit(Tokens.resident("DCY"), "{\"itemCode\": ")
                .statusCode(400).contentType(PROBLEM).body("detail", equalTo("the body is not valid JSON"));
        submit(Tokens.resident("DCY"), "")
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anOversizedBodyIsRefusedWithoutA5xx() {
        String huge = report().replace(DEFAULT_DESCRIPTION, "x".repeat(2_000_000));

        int status = submit(Tokens.resident("DCY"), huge).extract().statusCode();

        assertThat(status).isEqualTo(413);
    }

    @Test
    void unknownReportAndMalformedIdAreProblems() {
        given().auth().oauth2(Tokens.admin()).get("/api/complaints/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).get("/api/complaints/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static int sequence(String trackingNumber) {
        return Integer.parseInt(trackingNumber.substring(trackingNumber.lastIndexOf('-') + 1));
    }
}
