package org.lookout.escalation.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.config.MovableClock;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The missing-notice years: reported by readiness (which stays UP) and by a gauge, at the clock's date. */
@QuarkusTest
@EscalationTestResources
class WorkingCalendarReadinessCheckTest {

    private static final String CHECK = "checks.find { it.name == 'working-calendar' }";
    private static final Pattern GAUGE = Pattern.compile("(?m)^lookout_calendar_missing_years(?:\\{[^}]*})? (\\S+)$");

    @Inject
    MovableClock clock;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void inNovemberOnlyThisYearCountsAndItsNoticeIsLoaded() {
        // 23:59:59 on 30 November 2026 in Shanghai
        clock.set(Instant.parse("2026-11-30T15:59:59Z"));

        readinessReports("");
        assertThat(gauge()).isZero();
    }

    @Test
    void fromTheFirstOfDecemberTheNextYearsMissingNoticeIsReported() {
        // 00:00 on 1 December 2026 in Shanghai; tyme4j carries notices through 2026
        clock.set(Instant.parse("2026-11-30T16:00:00Z"));

        readinessReports("2027");
        assertThat(gauge()).isEqualTo(1);
    }

    @Test
    void aCurrentYearWithoutNoticeIsReportedTooAndBothCount() {
        clock.set(Instant.parse("2027-12-15T02:00:00Z"));

        readinessReports("2027,2028");
        assertThat(gauge()).isEqualTo(2);
    }

    private void readinessReports(String missingYears) {
        given().when().get(readiness)
                .then()
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.missingYears", equalTo(missingYears))
                .body(CHECK + ".data.provisional", equalTo(!missingYears.isEmpty()));
    }

    private double gauge() {
        String answer = given().when().get(metrics).then().statusCode(200).extract().asString();
        Matcher matcher = GAUGE.matcher(answer);
        assertThat(matcher.find()).as("lookout_calendar_missing_years in %s", "/q/metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
