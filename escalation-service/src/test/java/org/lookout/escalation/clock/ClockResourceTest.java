package org.lookout.escalation.clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.messaging.incoming.ComplaintEventsConsumer;
import org.lookout.security.Roles;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Who may read a report's clocks: staff of its community, supervisors of its street, admin; nobody else. */
@QuarkusTest
@EscalationTestResources
class ClockResourceTest {

    private static final String DEFAULT_COMMUNITY = "DCY";
    private static final String DEFAULT_STREET = "DCYJD";
    private static final String PATH = "/api/escalations/reports/{id}/clocks";
    private static final String PROBLEM = "application/problem+json";

    private static String reportId;
    private static String confidentialReportId;

    @BeforeEach
    void oneReportWithItsClock() {
        if (reportId != null) {
            return;
        }
        CloudEvent event = GoldenComplaintEvents.submitted();
        CloudEvent confidential = GoldenComplaintEvents.submitted();
        ((com.fasterxml.jackson.databind.node.ObjectNode) confidential.data()).put("confidential", true)
                .put("itemCode", "cadre-conduct");
        GoldenComplaintEvents.send(event);
        GoldenComplaintEvents.send(confidential);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(Tokens.admin(), GoldenComplaintEvents.reportId(event)) == 200
                && EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, confidential.id()));
        reportId = GoldenComplaintEvents.reportId(event);
        confidentialReportId = GoldenComplaintEvents.reportId(confidential);
    }

    @Test
    void staffOfTheCommunitySeeTheClocks() {
        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY))
                .when().get(PATH, reportId)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].kind", equalTo("RESPONSE"));
    }

    @Test
    void supervisorsOfTheStreetAndAdminsSeeTheClocks() {
        given().auth().oauth2(Tokens.supervisor(DEFAULT_STREET)).when().get(PATH, reportId).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get(PATH, reportId).then().statusCode(200);
    }

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().when().get(PATH, reportId)
                .then().statusCode(401)
                .contentType(PROBLEM)
                .body("status", equalTo(401));
    }

    @Test
    void anInvalidTokenIs401() {
        given().auth().oauth2(Tokens.expired()).when().get(PATH, reportId).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.wrongAudience()).when().get(PATH, reportId).then().statusCode(401);
        given().auth().oauth2(Tokens.forged()).when().get(PATH, reportId).then().statusCode(401);
    }

    @Test
    void residentsLookoutsInspectorsAndAgenciesAreRefusedWith403() {
        for (String token : new String[] { Tokens.resident(DEFAULT_COMMUNITY), Tokens.lookout(DEFAULT_COMMUNITY),
                Tokens.inspector(), Tokens.agency("PSB-DCY") }) {
            given().auth().oauth2(token).when().get(PATH, reportId)
                    .then().statusCode(403)
                    .contentType(PROBLEM)
                    .body("status", equalTo(403));
        }
    }

    @Test
    void outsideTheCallersScopeTheReportIsAbsent() {
        given().auth().oauth2(Tokens.staff("DCN")).when().get(PATH, reportId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.supervisor("OTHERJD")).when().get(PATH, reportId)
                .then().statusCode(404).contentType(PROBLEM);
        // staff without a community claim see nothing
        given().auth().oauth2(Tokens.builder().subject("staff-2").roles(Roles.STAFF).sign()).when().get(PATH, reportId)
                .then().statusCode(404);
    }

    /** Issue 13: its 12388 limits run in the cadre registry; no community clock, for nobody. */
    @Test
    void aReportAboutAnOfficialHasNoCommunityClock() {
        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).when().get(PATH, confidentialReportId).then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor(DEFAULT_STREET)).when().get(PATH, confidentialReportId).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get(PATH, confidentialReportId).then().statusCode(404);
        assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ?",
                UUID.fromString(confidentialReportId))).isZero();
    }

    @Test
    void anUnknownReportIs404AndAMalformedIdToo() {
        given().auth().oauth2(Tokens.admin()).when().get(PATH, UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().auth().oauth2(Tokens.admin()).when().get(PATH, "not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static int status(String token, String id) {
        return given().auth().oauth2(token).when().get(PATH, id).then().extract().statusCode();
    }
}
