package org.lookout.escalation.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.config.MovableClock;
import org.lookout.escalation.calendar.CalendarService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** The public calendar endpoints on the calendar as seeded into the real database. */
@QuarkusTest
@EscalationTestResources
class CalendarResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CalendarService calendar;

    @Inject
    MovableClock clock;

    /** The horizon counts from this year too: pinned, so the edges below hold whatever the real date. */
    @BeforeEach
    void inTheMiddleOf2026() {
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void listsTheDaysOfTheSpringFestivalBreakWithTheirKind() {
        given().queryParam("from", "2026-02-13").queryParam("to", "2026-02-24")
                .when().get("/api/calendar")
                .then().statusCode(200)
                .body("$", hasSize(12))
                .body("kind", contains("WORKDAY", "MAKEUP_WORKDAY", "HOLIDAY", "HOLIDAY", "HOLIDAY", "HOLIDAY", "HOLIDAY",
                        "HOLIDAY", "HOLIDAY", "HOLIDAY", "HOLIDAY", "WORKDAY"))
                .body("[1].name", equalTo("春节"))
                .body("[1].working", equalTo(true))
                .body("[0].name", nullValue())
                .body("[0].provisional", equalTo(false));
    }

    @Test
    void daysOfAYearWithoutNoticeAreProvisional() {
        given().queryParam("from", "2028-01-01").queryParam("to", "2028-01-03")
                .when().get("/api/calendar")
                .then().statusCode(200)
                .body("kind", contains("WEEKEND", "WEEKEND", "WORKDAY"))
                .body("provisional", contains(true, true, true));
    }

    @ParameterizedTest(name = "received {0} + {1} → {2}")
    @CsvSource({
            "2026-02-13T01:30:00Z, 1, 2026-02-14T16:00:00Z, false",
            "2026-02-14T01:30:00Z, 1, 2026-02-24T16:00:00Z, false",
            "2026-09-30T01:30:00Z, 1, 2026-10-08T16:00:00Z, false",
            "2028-03-01T02:00:00Z, 1, 2028-03-02T16:00:00Z, true",
    })
    void answersDeadlinesByTheRule(String from, int workingDays, String dueAt, boolean provisional) {
        given().queryParam("from", from).queryParam("workingDays", workingDays)
                .when().get("/api/calendar/deadline")
                .then().statusCode(200)
                .body("from", equalTo(from))
                .body("workingDays", equalTo(workingDays))
                .body("dueAt", equalTo(dueAt))
                .body("provisional", equalTo(provisional));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-02-13&workingDays=1 | from",
            "from=yesterday&workingDays=1 | from",
            "from=2026-02-13T01:30:00Z | workingDays",
            "from=2026-02-13T01:30:00Z&workingDays=one | workingDays",
            "from=2026-02-13T01:30:00Z&workingDays=0 | workingDays",
            "from=2026-02-13T01:30:00Z&workingDays=100000 | workingDays",
            "from=%2B999999999-12-31T23:59:59Z&workingDays=250 | from",
            "from=-999999999-01-01T00:00:00Z&workingDays=250 | from",
            "from=2037-01-01T00:00:00Z&workingDays=1 | from",
            "from=1991-12-31T15:59:59Z&workingDays=1 | from",
    })
    void badDeadlineInputIs400NamingTheParameter(String query, String field) {
        given().urlEncodingEnabled(false).when().get("/api/calendar/deadline?" + query)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "to=2026-02-24 | from",
            "from=13.02.2026&to=2026-02-24 | from",
            "from=2026-02-13 | to",
            "from=2026-02-13&to=2026-02-01 | to",
            "from=2026-01-01&to=2027-06-01 | to",
            "from=%2B999999999-12-31&to=%2B999999999-12-31 | from",
            "from=-999999999-01-01&to=-999999999-01-02 | from",
            "from=2036-12-31&to=2037-01-01 | to",
    })
    void badRangeIs400NamingTheParameter(String query, String field) {
        given().urlEncodingEnabled(false).when().get("/api/calendar?" + query)
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    /** The loaded notices run 2002 to 2026 (this year, pinned): the years around them, ten either way, are answered. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "1992-01-01T00:00:00+08:00", "2036-12-31T23:59:59+08:00" })
    void deadlinesAtTheEdgesOfTheHorizonAreAnswered(String from) {
        given().queryParam("from", OffsetDateTime.parse(from).toInstant().toString())
                .queryParam("workingDays", 250)
                .when().get("/api/calendar/deadline")
                .then().statusCode(200);
    }

    @Test
    void seedingIsIdempotent() throws Throwable {
        long years = EscalationDatabase.number("select count(*) from calendar_year");
        long days = EscalationDatabase.number("select count(*) from calendar_day");
        assertThat(years).isEqualTo(25);

        // as a restart or a second instance would
        VertxContextSupport.subscribeAndAwait(calendar::load);

        assertThat(EscalationDatabase.number("select count(*) from calendar_year")).isEqualTo(years);
        assertThat(EscalationDatabase.number("select count(*) from calendar_day")).isEqualTo(days);
        assertThat(EscalationDatabase.number("select count(*) from calendar_day where source = 'SEED' and day"
                + " between date '2026-02-14' and date '2026-02-28'")).isEqualTo(11);
    }

    @Test
    void reSeedingAYearLeavesAnAdministratorsOverrideAlone() throws Throwable {
        // 2025-10-08 was the last day of the National Day break; an administrator made it a working day
        EscalationDatabase.execute("update calendar_day set kind = 'WORKDAY', source = 'ADMIN' where day = date '2025-10-08'");
        EscalationDatabase.execute("delete from calendar_year where year = 2025");
        try {
            VertxContextSupport.subscribeAndAwait(calendar::load);

            assertThat(EscalationDatabase.number("select count(*) from calendar_year where year = 2025")).isEqualTo(1);
            given().queryParam("from", "2025-10-08").queryParam("to", "2025-10-08")
                    .when().get("/api/calendar")
                    .then().statusCode(200)
                    .body("kind", contains("WORKDAY"));
        } finally {
            EscalationDatabase.execute(
                    "update calendar_day set kind = 'HOLIDAY', source = 'SEED' where day = date '2025-10-08'");
            VertxContextSupport.subscribeAndAwait(calendar::load);
        }
    }
}
