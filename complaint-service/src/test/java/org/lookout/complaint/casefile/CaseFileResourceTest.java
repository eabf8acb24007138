package org.lookout.complaint.casefile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.casefile.CaseFiles.INTERNAL_NOTE;
import static org.lookout.complaint.casefile.CaseFiles.PNG;
import static org.lookout.complaint.casefile.CaseFiles.PUBLIC_NOTE;
import static org.lookout.complaint.casefile.CaseFiles.REPORTER_NAME;
import static org.lookout.complaint.casefile.CaseFiles.REPORTER_PHONE;
import static org.lookout.complaint.casefile.CaseFiles.STAFF;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.complaint.ComplaintTestSupport;
import org.lookout.complaint.config.MovableClock;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The case file of an escalated report for the agency that must act: what it holds (never the reporter), who reads it
 * until when, the confidential rule, copies for information, and the audit of every read.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class CaseFileResourceTest {

    private static final String PSB = "psb-district";
    private static final String MARKET = "market-dcy";
    private static final String POLICE = "police-dcy";

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theAgencyReadsWhatWhereThePublicNotesPhotosAndHistoryButNeverTheReporter() {
        String reportId = CaseFiles.recordedReport("hazardous-materials");
        String escalationId = CaseFiles.opened(reportId, false, PSB + ":PUBLIC_SECURITY", MARKET + ":MARKET_REGULATION");
        CaseFiles.changed(EventType.ESCALATION_ACKNOWLEDGED, reportId, escalationId, PSB, "ACKNOWLEDGED",
                "ACKNOWLEDGED", Instant.now(), data -> data.put("lead", true));

        ValidatableResponse answer = caseOf(PSB, escalationId).statusCode(200).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        JsonPath file = answer.extract().jsonPath();
        String body = answer.extract().asString();

        assertThat(file.getString("reportId")).isEqualTo(reportId);
        assertThat(file.getString("itemCode")).isEqualTo("hazardous-materials");
        assertThat(file.getString("title")).isEqualTo(ComplaintTestSupport.DEFAULT_TITLE);
        assertThat(file.getString("description")).isEqualTo(ComplaintTestSupport.DEFAULT_DESCRIPTION);
        assertThat(file.getString("location.address")).isEqualTo(ComplaintTestSupport.DEFAULT_ADDRESS);
        assertThat(file.getString("location.building")).isEqualTo(ComplaintTestSupport.DEFAULT_BUILDING);
        assertThat(file.getDouble("location.latitude")).isEqualTo(39.92);
        assertThat(file.getDouble("location.longitude")).isEqualTo(116.51);
        assertThat(file.getList("publicNotes.text")).containsExactly(PUBLIC_NOTE);
        assertThat(file.getList("attachments.mediaType")).containsExactly("image/png");
        assertThat(file.getList("parts.agencyCode")).containsExactly(PSB, MARKET);
        assertThat(file.getList("parts.status")).containsExactly("ACKNOWLEDGED", "OPEN");
        assertThat(file.getList("history.event")).containsExactly("opened", "acknowledged");
        assertThat(file.getString("partKind")).isEqualTo("ACT");
        assertThat(file.getString("readableUntil")).isNull();
        assertThat(body).doesNotContain(REPORTER_NAME, REPORTER_PHONE, INTERNAL_NOTE, "filedBy", "reporter",
                "trackingCode", "staff-1");

        byte[] photo = given().auth().oauth2(Tokens.agency(PSB)).accept("*/*")
                .get("/api/escalations/{id}/case/attachments/{attachment}", escalationId,
                        file.getString("attachments[0].id"))
                .then().statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(photo).isEqualTo(PNG);

        // the other agency of the joint escalation reads it too; an agency without a part does not
        caseOf(MARKET, escalationId).statusCode(200);
        caseOf(POLICE, escalationId).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.agency(POLICE)).accept("*/*")
                .get("/api/escalations/{id}/case/attachments/{attachment}", escalationId,
                        file.getString("attachments[0].id"))
                .then().statusCode(404);
    }

    @Test
    void everyReadIsAuditedWithWhoWhichAgencyAndWhen() {
        String reportId = CaseFiles.recordedReport("hazardous-materials");
        String escalationId = CaseFiles.opened(reportId, false, PSB + ":PUBLIC_SECURITY");
        Instant before = Instant.now();

        String attachmentId = caseOf(PSB, escalationId).statusCode(200).extract().path("attachments[0].id");
        given().auth().oauth2(Tokens.agency(PSB)).accept("*/*")
                .get("/api/escalations/{id}/case/attachments/{attachment}", escalationId, attachmentId)
                .then().statusCode(200);
        caseOf(POLICE, escalationId).statusCode(404);

        assertThat(ComplaintDatabase.number("select count(*) from case_read where escalation_id = ?::uuid"
                + " and agency_code = ? and reader = ? and at >= ?", escalationId, PSB,
                "service-account-agency-" + PSB, java.sql.Timestamp.from(before))).isEqualTo(2);
        assertThat(ComplaintDatabase.number("select count(*) from case_read where escalation_id = ?::uuid"
                + " and attachment_id = ?::uuid", escalationId, attachmentId)).isEqualTo(1);
        assertThat(ComplaintDatabase.number("select count(*) from case_read where escalation_id = ?::uuid"
                + " and agency_code = ?", escalationId, POLICE)).as("a refused read reads nothing").isZero();

        JsonPath reads = given().auth().oauth2(STAFF).get("/api/complaints/{id}/case-reads", reportId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(reads.getList("agencyCode")).containsExactly(PSB, PSB);
        assertThat(reads.getList("reader")).containsOnly("service-account-agency-" + PSB);
        assertThat(reads.getString("[0].attachmentId")).isEqualTo(attachmentId);
        given().auth().oauth2(Tokens.resident("DCY")).get("/api/complaints/{id}/case-reads", reportId)
                .then().statusCode(403);
    }

    @Test
    void aClosedPartReadsForThirtyDaysMoreThenTheCaseIsGoneFor404() {
        String reportId = CaseFiles.recordedReport("hazardous-materials");
        String escalationId = CaseFiles.opened(reportId, false, PSB + ":PUBLIC_SECURITY", MARKET + ":MARKET_REGULATION");
        Instant returned = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // market returns its part; later the lead resolves, which ends the escalation and closes every part
        CaseFiles.changed(EventType.ESCALATION_RETURNED, reportId, escalationId, MARKET, "RETURNED", "OPEN", returned,
                data -> data.put("lead", false));
        Instant resolved = returned.plus(Duration.ofDays(5));
        CaseFiles.changed(EventType.ESCALATION_RESOLVED, reportId, escalationId, PSB, "RESOLVED", "RESOLVED", resolved,
                data -> data.put("lead", true));

        clock.set(returned.plus(Duration.ofDays(29)));
        assertThat(caseOf(MARKET, escalationId).statusCode(200).extract().jsonPath().getString("readableUntil"))
                .isEqualTo(returned.plus(Duration.ofDays(30)).toString());
        caseOf(PSB, escalationId).statusCode(200);

        clock.set(returned.plus(Duration.ofDays(31)));
        caseOf(MARKET, escalationId).statusCode(404);
        caseOf(PSB, escalationId).statusCode(200);

        clock.set(resolved.plus(Duration.ofDays(30)));
        caseOf(PSB, escalationId).statusCode(404);
        assertThat(ComplaintDatabase.number("select count(*) from case_read where escalation_id = ?::uuid"
                + " and agency_code = ?", escalationId, MARKET)).isEqualTo(1);
    }

    @Test
    void aConfidentialCaseIsReadOnlyByTheDisciplineCommissionsPart() {
        // a report about an official: staff neither read nor handle it, so it is filed by a resident and left as it is
        String reportId = ComplaintTestSupport.submit(Tokens.resident("DCY"),
                ComplaintTestSupport.report("cadre-conduct", "DCY", "APP")).statusCode(201).extract().path("id");
        String escalationId = CaseFiles.opened(reportId, true, "discipline-district:DISCIPLINE_COMMISSION",
                PSB + ":PUBLIC_SECURITY");

        caseOf("discipline-district", escalationId).statusCode(200);
        caseOf(PSB, escalationId).statusCode(404);
    }

    @Test
    void aCopyForInformationIsReadableAndChangesNeitherTheReportNorItsClocks() {
        String reportId = CaseFiles.recordedReport("subsistence-allowance");
        JsonPath before = given().auth().oauth2(STAFF).get("/api/complaints/{id}", reportId).then().statusCode(200)
                .extract().jsonPath();

        String escalationId = CaseFiles.informed(reportId, "civil-affairs");

        JsonPath after = given().auth().oauth2(STAFF).get("/api/complaints/{id}", reportId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getString("status")).isEqualTo(before.getString("status")).isEqualTo("ACCEPTED");
        assertThat(after.prettify()).isEqualTo(before.prettify());
        assertThat(ComplaintDatabase.outboxEvents(reportId, EventType.COMPLAINT_ESCALATED)).isZero();
        assertThat(given().auth().oauth2(STAFF).get("/api/complaints/{id}/history", reportId).then().statusCode(200)
                .extract().jsonPath().getString("note[-1]")).isEqualTo("copied for information to civil-affairs");

        JsonPath file = caseOf("civil-affairs", escalationId).statusCode(200).extract().jsonPath();
        assertThat(file.getString("partKind")).isEqualTo("INFORM");
        assertThat(file.getList("history.event")).containsExactly("informed");
        caseOf(PSB, escalationId).statusCode(404);
    }

    @Test
    void otherRolesAreRefusedAndAnUnknownEscalationDoesNotExist() {
        String escalationId = UUID.randomUUID().toString();

        caseOf(PSB, escalationId).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/escalations/{id}/case", escalationId).then().statusCode(403);
        given().get("/api/escalations/{id}/case", escalationId).then().statusCode(401);
        given().auth().oauth2(Tokens.builder().subject("agency-without-claim").roles("agency").sign())
                .get("/api/escalations/{id}/case", escalationId).then().statusCode(404);
    }

    private static ValidatableResponse caseOf(String agency, String escalationId) {
        return given().auth().oauth2(Tokens.agency(agency)).get("/api/escalations/{id}/case", escalationId).then();
    }
}
