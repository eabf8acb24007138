package org.lookout.escalation.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An administrator's override of a day: effective for new deadlines at once, audited, and for admin only. */
@QuarkusTest
@EscalationTestResources
class CalendarOverrideTest {

    private static final String DAY = "/api/calendar/days/{date}";
    private static final String PROBLEM = "application/problem+json";
    private static final String DEFAULT_ADMIN = "admin-1";
    /** A plain Monday in a loaded year; each test that overrides it drops the override again. */
    private static final String MONDAY = "2026-03-09";
    private static final String FRIDAY_BEFORE = "2026-03-06T02:00:00Z";
    private static final Map<String, String> HOLIDAY = Map.of("kind", "HOLIDAY", "name", "抗灾停工", "reason",
            "district emergency order 7");

    @Test
    void aMondayMadeAHolidayMovesTheDeadlineAndIsAudited() {
        long audited = audits(MONDAY);
        dueAt(FRIDAY_BEFORE, "2026-03-09T16:00:00Z");
        try {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(HOLIDAY)
                    .when().put(DAY, MONDAY)
                    .then().statusCode(200)
                    .body("date", equalTo(MONDAY))
                    .body("kind", equalTo("HOLIDAY"))
                    .body("working", equalTo(false))
                    .body("name", equalTo("抗灾停工"));

            dueAt(FRIDAY_BEFORE, "2026-03-10T16:00:00Z");
            assertThat(EscalationDatabase.number("select count(*) from calendar_day where day = date '2026-03-09'"
                    + " and kind = 'HOLIDAY' and source = 'ADMIN'")).isEqualTo(1);
            assertThat(EscalationDatabase.number("select count(*) from calendar_audit where day = date '2026-03-09'"
                    + " and action = 'SET' and actor = ? and old_kind = 'WORKDAY' and new_kind = 'HOLIDAY'"
                    + " and reason = 'district emergency order 7'", DEFAULT_ADMIN)).isEqualTo(1);
        } finally {
            given().auth().oauth2(Tokens.admin()).queryParam("reason", "order lifted")
                    .when().delete(DAY, MONDAY)
                    .then().statusCode(200)
                    .body("kind", equalTo("WORKDAY"))
                    .body("name", nullValue());
        }
        dueAt(FRIDAY_BEFORE, "2026-03-09T16:00:00Z");
        assertThat(EscalationDatabase.number("select count(*) from calendar_day where day = date '2026-03-09'"))
                .isZero();
        assertThat(EscalationDatabase.number("select count(*) from calendar_audit where day = date '2026-03-09'"
                + " and action = 'CLEAR' and old_kind = 'HOLIDAY' and new_kind = 'WORKDAY' and reason = 'order lifted'"))
                .isEqualTo(1);
        assertThat(audits(MONDAY)).isEqualTo(audited + 2);
    }

    @Test
    void droppingAnOverrideOfANoticeDayRestoresTheNotice() {
        // Sat 2026-02-14 is the Spring Festival make-up working day
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "WEEKEND", "reason", "test"))
                .when().put(DAY, "2026-02-14")
                .then().statusCode(200).body("kind", equalTo("WEEKEND")).body("name", nullValue());
        dueAt("2026-02-13T01:30:00Z", "2026-02-24T16:00:00Z");

        given().auth().oauth2(Tokens.admin())
                .when().delete(DAY, "2026-02-14")
                .then().statusCode(200).body("kind", equalTo("MAKEUP_WORKDAY")).body("name", equalTo("春节"));
        dueAt("2026-02-13T01:30:00Z", "2026-02-14T16:00:00Z");
        assertThat(EscalationDatabase.number("select count(*) from calendar_day where day = date '2026-02-14'"
                + " and kind = 'MAKEUP_WORKDAY' and source = 'SEED'")).isEqualTo(1);
    }

    @Test
    void droppingAnOverrideThatIsNotThereIs404() {
        given().auth().oauth2(Tokens.admin()).when().delete(DAY, "2026-03-03")
                .then().statusCode(404).contentType(PROBLEM);
        // a notice day is not an override
        given().auth().oauth2(Tokens.admin()).when().delete(DAY, "2026-02-16")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "03.03.2026 | {\"kind\":\"HOLIDAY\",\"reason\":\"r\"} | date",
            "2026-02-30 | {\"kind\":\"HOLIDAY\",\"reason\":\"r\"} | date",
            "2026-03-03 | {\"kind\":\"DAY_OFF\",\"reason\":\"r\"} | kind",
            "2026-03-03 | {\"reason\":\"r\"} | kind",
            "2026-03-03 | {\"kind\":\"HOLIDAY\"} | reason",
            "2026-03-03 | {\"kind\":\"HOLIDAY\",\"reason\":\" \"} | reason",
            "%2B999999-01-01 | {\"kind\":\"HOLIDAY\",\"reason\":\"r\"} | date",
            "2099-03-03 | {\"kind\":\"HOLIDAY\",\"reason\":\"r\"} | date",
    })
    void badInputIs400NamingTheField(String date, String body, String field) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).urlEncodingEnabled(false)
                .when().put(DAY, date)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
        assertThat(EscalationDatabase.number("select count(*) from calendar_day where day = date '2026-03-03'")).isZero();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(HOLIDAY).when().put(DAY, MONDAY)
                .then().statusCode(401).contentType(PROBLEM);
        given().when().delete(DAY, MONDAY).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void everyRoleButAdminIsRefusedWith403() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.staff("DCY"),
                Tokens.supervisor("DCYJD"), Tokens.inspector(), Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(HOLIDAY)
                    .when().put(DAY, MONDAY)
                    .then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).when().delete(DAY, MONDAY)
                    .then().statusCode(403).contentType(PROBLEM);
        }
        assertThat(EscalationDatabase.number("select count(*) from calendar_day where day = date '2026-03-09'")).isZero();
    }

    private static void dueAt(String from, String dueAt) {
        given().queryParam("from", from).queryParam("workingDays", 1)
                .when().get("/api/calendar/deadline")
                .then().statusCode(200)
                .body("dueAt", equalTo(dueAt));
    }

    private static long audits(String day) {
        return EscalationDatabase.number("select count(*) from calendar_audit where day = ?::date", day);
    }
}
