package org.lookout.complaint.statistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.security.Roles;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Statistics checked against a known set of reports inserted straight into the database (every state, rated and
 * unrated, in time and breached, closed not resolvable, two communities, two months, one report just outside each
 * end of the period), every figure computed by hand; the reconciliation of every grouping; the ranking; refusals.
 * The set lies in March and April 2025, where no other test files reports.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class StatisticsResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String STREET = "DCYJD";
    private static final String HPL = "HPL";
    private static final String QNJ = "QNJ";
    private static final String FROM = "2025-03-01";
    private static final String TO = "2025-04-30";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static boolean inserted;

    @Inject
    Pool pool;

    /** The known set: what each report contributes is written beside it (response, resolution, rating). */
    @BeforeEach
    void insertTheKnownSetOnce() {
        if (inserted) {
            return;
        }
        Instant past = at("2025-06-30T00:00");
        Instant future = Instant.now().plus(Duration.ofDays(30));
        // HPL, 10 reports
        // in time; resolved; satisfied. 00:10 in Shanghai is still 28 February in UTC: March only in the zone.
        report(HPL, "corridor-lighting", "CLOSED", "2025-03-01T00:10").responded(2).responseDue(past).resolved(10)
                .resolutionDue(past).satisfied(true).insert();
        // late: on site 30 hours after receipt, its clock breached at 24; resolved; auto-closed, not rated
        report(HPL, "water", "CLOSED", "2025-03-05T09:00").responded(30).responseDue(at("2025-03-06T09:00"))
                .responseBreached(at("2025-03-06T09:00")).resolved(48).resolutionDue(past).insert();
        // in time; resolved, waiting for a rating
        report(HPL, "noise", "RESOLVED", "2025-03-12T14:00").responded(4).responseDue(past).resolved(20)
                .resolutionDue(future).insert();
        // in time; closed, not resolvable: due and not resolved
        report(HPL, "subsistence-allowance", "CLOSED_UNRESOLVABLE", "2025-03-20T10:00").responded(6)
                .responseDue(past).resolutionDue(future).insert();
        // rejected: in no rate, even with its due times passed
        report(HPL, "sanitation", "REJECTED", "2025-04-02T10:00").responseDue(past).resolutionDue(past).insert();
        // never responded, breached; resolution not due yet
        report(HPL, "roads-facilities", "ASSIGNED", "2025-04-08T10:00").responseDue(past).responseBreached(past)
                .resolutionDue(future).insert();
        // accepted, its clocks still running (paused): nothing due yet
        report(HPL, "markets", "ACCEPTED", "2025-04-15T10:00").responseDue(future).resolutionDue(future).insert();
        // in time; reopened after a resolution (not resolved now), rated not satisfied
        report(HPL, "elderly-care", "REOPENED", "2025-04-20T10:00").responded(3).responseDue(past).resolved(24)
                .resolutionDue(past).satisfied(false).insert();
        // confidential: in no community's figures or ranking, only in the inspectors' (in time, resolved, satisfied)
        report(HPL, "cadre-conduct", "CLOSED", "2025-04-25T10:00").responded(1).responseDue(past).resolved(72)
                .resolutionDue(past).satisfied(true).insert();
        // just received, no due time known: counted, nothing due
        report(HPL, "greening-cityscape", "RECEIVED", "2025-04-05T10:00").insert();
        // responded before any due time was known: due and in time; resolved late still counts as resolved
        report(HPL, "corridor-lighting", "RESOLVED", "2025-04-30T23:50").responded(1).resolved(5)
                .resolutionDue(past).resolutionBreached(past).insert();
        // QNJ, 6 reports
        report(QNJ, "water", "CLOSED", "2025-03-03T08:00").responded(2).responseDue(past).resolved(6)
                .resolutionDue(past).satisfied(true).insert();
        // waiting for an agency; response due passed (breach not yet told): due, not in time; resolution breached
        report(QNJ, "water", "ESCALATED", "2025-03-18T08:00").responseDue(past).resolutionDue(past)
                .resolutionBreached(past).insert();
        // just received, no due time known: nothing due
        report(QNJ, "heating-gas", "RECEIVED", "2025-04-10T08:00").insert();
        // in time; resolution not due
        report(QNJ, "public-safety", "RESPONDED", "2025-04-11T08:00").responded(12).responseDue(past)
                .resolutionDue(future).insert();
        report(QNJ, "hazardous-materials", "CLOSED", "2025-04-12T08:00").responded(0.5).responseDue(past)
                .resolved(30).resolutionDue(past).satisfied(true).insert();
        report(QNJ, "noise", "REJECTED", "2025-04-28T08:00").insert();
        // outside the period by minutes, on the calendar of Asia/Shanghai
        report(HPL, "corridor-lighting", "CLOSED", "2025-02-28T23:30").responded(1).resolved(2).satisfied(true)
                .insert();
        report(QNJ, "water", "CLOSED", "2025-05-01T00:05").responded(1).resolved(2).satisfied(true).insert();
        inserted = true;
    }

    @Test
    void everyFigureOfTheKnownSetPerCommunity() {
        JsonNode byCommunity = statistics(Tokens.supervisor(STREET), STREET, "community");
        assertThat(byCommunity.path("scope").asText()).isEqualTo(STREET);
        assertThat(byCommunity.path("scopeKind").asText()).isEqualTo("street");
        assertFigures(byCommunity.path("total"), 16, "8/11 0.7273", "6/9 0.6667", "3/4 0.7500", "6.72", "19.83");
        assertRate(byCommunity.path("total").path("firstContact"), "firstContact", "8/11 0.7273");
        assertRate(byCommunity.path("total").path("satisfactionByReporter"), "by reporter", "3/4 0.7500");
        assertRate(byCommunity.path("total").path("satisfactionByFollowUp"), "by follow-up", "0/0 null");
        assertThat(byCommunity.path("confidential").asBoolean()).isFalse();
        assertThat(keys(byCommunity)).containsExactly(HPL, QNJ);
        JsonNode hpl = group(byCommunity, HPL);
        assertThat(hpl.path("labelZh").asText()).isEqualTo("和平里社区");
        assertThat(hpl.path("labelEn").asText()).isEqualTo("Hepingli");
        assertFigures(hpl, 10, "5/7 0.7143", "4/6 0.6667", "1/2 0.5000", "7.67", "20.75");
        assertFigures(group(byCommunity, QNJ), 6, "3/4 0.7500", "2/3 0.6667", "2/2 1.0000", "4.83", "18.00");

        // staff see their community by default, and the same figures as the supervisor
        JsonNode staff = statistics(Tokens.staff(HPL), null, "category");
        assertThat(staff.path("scope").asText()).isEqualTo(HPL);
        assertFigures(staff.path("total"), 10, "5/7 0.7143", "4/6 0.6667", "1/2 0.5000", "7.67", "20.75");
        assertFigures(statistics(Tokens.supervisor(STREET), QNJ, "status").path("total"), 6, "3/4 0.7500",
                "2/3 0.6667", "2/2 1.0000", "4.83", "18.00");
        JsonNode everywhere = statistics(Tokens.admin(), null, "community");
        assertThat(everywhere.path("scopeKind").asText()).isEqualTo("all");
        assertFigures(everywhere.path("total"), 16, "8/11 0.7273", "6/9 0.6667", "3/4 0.7500", "6.72", "19.83");
    }

    @Test
    void confidentialReportsCountOnlyInTheInspectorsFiguresOfTheirStreets() {
        String inspector = Tokens.builder().subject("inspector-stats").roles(Roles.INSPECTOR).street(STREET).sign();
        JsonNode confidential = statistics(inspector, null, "community");
        assertThat(confidential.path("scope").asText()).isEqualTo(STREET);
        assertThat(confidential.path("confidential").asBoolean()).isTrue();
        assertFigures(confidential.path("total"), 1, "1/1 1.0000", "1/1 1.0000", "1/1 1.0000", "1.00", "72.00");
        assertThat(keys(confidential)).containsExactly(HPL);
        assertFigures(statistics(inspector, HPL, "item").path("total"), 1, "1/1 1.0000", "1/1 1.0000",
                "1/1 1.0000", "1.00", "72.00");
        get(Tokens.builder().subject("inspector-elsewhere").roles(Roles.INSPECTOR).street("OTHERJD").sign(),
                "/api/statistics", Map.of("scope", STREET), 404);
    }

    @Test
    void everyFigureOfTheKnownSetPerCategory() {
        JsonNode answer = statistics(Tokens.admin(), STREET, "category");
        assertThat(keys(answer)).containsExactly("LIFE", "SERVICE", "PUBLIC", "ENFORCEMENT");
        assertThat(group(answer, "LIFE").path("labelZh").asText()).isEqualTo("社会生活");
        assertThat(group(answer, "LIFE").path("labelEn").asText()).isEqualTo("Social life");
        assertFigures(group(answer, "LIFE"), 9, "4/6 0.6667", "5/6 0.8333", "2/2 1.0000", "7.80", "17.80");
        assertFigures(group(answer, "SERVICE"), 2, "2/2 1.0000", "0/2 0.0000", "0/1 0.0000", "4.50", null);
        assertFigures(group(answer, "PUBLIC"), 4, "1/2 0.5000", "0/0 null", "0/0 null", "12.00", null);
        assertFigures(group(answer, "ENFORCEMENT"), 1, "1/1 1.0000", "1/1 1.0000", "1/1 1.0000", "0.50", "30.00");
        assertFigures(answer.path("total"), 16, "8/11 0.7273", "6/9 0.6667", "3/4 0.7500", "6.72", "19.83");
    }

    @Test
    void everyFigureOfTheKnownSetPerMonthOfShanghai() {
        JsonNode answer = statistics(Tokens.supervisor(STREET), STREET, "month");
        assertThat(keys(answer)).containsExactly("2025-03", "2025-04");
        assertThat(group(answer, "2025-03").path("labelZh").isNull()).isTrue();
        assertFigures(group(answer, "2025-03"), 6, "4/6 0.6667", "4/6 0.6667", "2/2 1.0000", "8.80", "21.00");
        assertFigures(group(answer, "2025-04"), 10, "4/5 0.8000", "2/3 0.6667", "1/2 0.5000", "4.13", "17.50");

        JsonNode march = statistics(Tokens.supervisor(STREET), STREET, "month", "2025-03-01", "2025-03-31");
        assertThat(keys(march)).containsExactly("2025-03");
        assertFigures(march.path("total"), 6, "4/6 0.6667", "4/6 0.6667", "2/2 1.0000", "8.80", "21.00");
    }

    @Test
    void everyStatusAndItemOfTheKnownSetIsCountedOnce() {
        JsonNode byStatus = statistics(Tokens.admin(), STREET, "status");
        Map<String, Long> counts = counts(byStatus);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("ACCEPTED", 1L, "ASSIGNED", 1L, "CLOSED", 4L,
                "CLOSED_UNRESOLVABLE", 1L, "ESCALATED", 1L, "RECEIVED", 2L, "REJECTED", 2L, "REOPENED", 1L,
                "RESOLVED", 2L, "RESPONDED", 1L));
        assertFigures(group(byStatus, "CLOSED"), 4, "3/4 0.7500", "4/4 1.0000", "3/3 1.0000", "8.63", "23.50");
        assertFigures(group(byStatus, "REJECTED"), 2, "0/0 null", "0/0 null", "0/0 null", null, null);
        assertFigures(group(byStatus, "CLOSED_UNRESOLVABLE"), 1, "1/1 1.0000", "0/1 0.0000", "0/0 null", "6.00",
                null);
        assertFigures(group(byStatus, "REOPENED"), 1, "1/1 1.0000", "0/1 0.0000", "0/1 0.0000", "3.00", null);

        JsonNode byItem = statistics(Tokens.admin(), STREET, "item");
        assertThat(counts(byItem)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("corridor-lighting", 2L),
                Map.entry("water", 3L), Map.entry("noise", 2L), Map.entry("sanitation", 1L),
                Map.entry("heating-gas", 1L), Map.entry("subsistence-allowance", 1L), Map.entry("elderly-care", 1L),
                Map.entry("roads-facilities", 1L), Map.entry("markets", 1L), Map.entry("public-safety", 1L),
                Map.entry("hazardous-materials", 1L), Map.entry("greening-cityscape", 1L)));
        // taxonomy order: category, then item
        assertThat(keys(byItem)).startsWith("corridor-lighting", "water", "heating-gas", "sanitation", "noise")
                .endsWith("markets", "public-safety", "hazardous-materials");
        assertThat(group(byItem, "water").path("labelEn").asText()).isEqualTo("Water supply and leaks");
        assertFigures(group(byItem, "water"), 3, "1/3 0.3333", "2/3 0.6667", "1/1 1.0000", "16.00", "27.00");
    }

    /** Sum of group counts == total, each report once per grouping, numerators never above denominators. */
    @ParameterizedTest
    @ValueSource(strings = { "category", "item", "status", "month", "community" })
    void everyGroupingAddsUpToTheTotal(String groupBy) {
        reconciles(statistics(Tokens.admin(), STREET, groupBy));
        reconciles(statistics(Tokens.staff(HPL), HPL, groupBy));
        reconciles(statistics(Tokens.supervisor(STREET), QNJ, groupBy));
        // whatever the other tests filed this month, in every state they left it
        reconciles(statistics(Tokens.admin(), null, groupBy, null, null));
    }

    @Test
    void theRankingOrdersCommunitiesWithEnoughReportsByResolutionRate() {
        JsonNode ranking = get(Tokens.supervisor(STREET), "/api/statistics/ranking",
                Map.of("from", FROM, "to", TO), 200);
        assertThat(ranking.path("street").asText()).isEqualTo(STREET);
        assertThat(ranking.path("minimumReports").asInt()).isEqualTo(10);
        assertThat(ranking.path("ranked")).hasSize(1);
        JsonNode first = ranking.path("ranked").get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        // the confidential report of HPL counts neither in its figures nor towards the minimum of reports
        assertFigures(first.path("community"), 10, "5/7 0.7143", "4/6 0.6667", "1/2 0.5000", "7.67", "20.75");
        assertThat(first.path("community").path("key").asText()).isEqualTo(HPL);
        List<String> notRanked = new ArrayList<>();
        ranking.path("notRanked").forEach(entry -> {
            assertThat(entry.path("reason").asText()).isEqualTo("too few reports");
            notRanked.add(entry.path("community").path("key").asText());
        });
        assertThat(notRanked).containsExactly("DCN", "DCY", "JXY", QNJ, "XHY");
        assertFigures(ranking.path("notRanked").get(3).path("community"), 6, "3/4 0.7500", "2/3 0.6667",
                "2/2 1.0000", "4.83", "18.00");

        JsonNode admin = get(Tokens.admin(), "/api/statistics/ranking",
                Map.of("street", STREET, "from", FROM, "to", TO), 200);
        assertThat(admin.path("ranked").get(0).path("community").path("key").asText()).isEqualTo(HPL);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        String staff = Tokens.staff(HPL);
        badRequest(staff, Map.of("groupBy", "weekday"), "groupBy");
        badRequest(staff, Map.of("from", "2025-02-30"), "from");
        badRequest(staff, Map.of("from", FROM, "to", "tomorrow"), "to");
        badRequest(staff, Map.of("from", TO, "to", FROM), "to");
        // 2024 is a leap year: 366 days both included is the most
        badRequest(staff, Map.of("from", "2024-01-01", "to", "2025-01-01"), "to");
        get(staff, "/api/statistics", Map.of("from", "2024-01-01", "to", "2024-12-31"), 200);
        badRequest(staff, Map.of("scope", "H P L"), "scope");
        given().auth().oauth2(Tokens.admin()).get("/api/statistics/ranking")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("street"));
    }

    @Test
    void scopesOutsideTheCallersAre404AndOtherRolesAre403() {
        get(Tokens.staff("DCY"), "/api/statistics", Map.of("scope", HPL), 404);
        get(Tokens.staff(HPL), "/api/statistics", Map.of("scope", STREET), 404);
        get(Tokens.supervisor("OTHERJD"), "/api/statistics", Map.of("scope", HPL), 404);
        get(Tokens.supervisor("OTHERJD"), "/api/statistics", Map.of("scope", STREET), 404);
        get(Tokens.admin(), "/api/statistics", Map.of("scope", "NOPE"), 404);
        get(Tokens.supervisor("OTHERJD"), "/api/statistics/ranking", Map.of("street", STREET), 404);
        get(Tokens.admin(), "/api/statistics/ranking", Map.of("street", HPL), 404);
        get(Tokens.resident(HPL), "/api/statistics", Map.of(), 403);
        get(Tokens.lookout(HPL), "/api/statistics", Map.of(), 403);
        get(Tokens.inspector(), "/api/statistics", Map.of(), 404);
        get(Tokens.agency("PSB-DCY"), "/api/statistics", Map.of(), 403);
        get(Tokens.staff(HPL), "/api/statistics/ranking", Map.of(), 403);
        given().get("/api/statistics").then().statusCode(401);
    }

    private static void reconciles(JsonNode answer) {
        JsonNode total = answer.path("total");
        long count = 0;
        Map<String, long[]> sums = new HashMap<>();
        for (JsonNode group : answer.path("groups")) {
            count += group.path("count").asLong();
            assertThat(group.path("count").asLong()).isPositive();
            for (String rate : List.of("response", "firstContact", "resolution", "satisfaction",
                    "satisfactionByReporter", "satisfactionByFollowUp")) {
                JsonNode figure = group.path(rate);
                assertThat(figure.path("numerator").asLong()).isLessThanOrEqualTo(figure.path("denominator").asLong());
                assertThat(figure.path("denominator").asLong()).isLessThanOrEqualTo(group.path("count").asLong());
                long[] sum = sums.computeIfAbsent(rate, key -> new long[2]);
                sum[0] += figure.path("numerator").asLong();
                sum[1] += figure.path("denominator").asLong();
            }
        }
        assertThat(count).as("sum of group counts").isEqualTo(total.path("count").asLong());
        assertThat(keys(answer)).doesNotHaveDuplicates();
        sums.forEach((rate, sum) -> {
            assertThat(sum[0]).as(rate + " numerators").isEqualTo(total.path(rate).path("numerator").asLong());
            assertThat(sum[1]).as(rate + " denominators").isEqualTo(total.path(rate).path("denominator").asLong());
        });
    }

    /** {@code rate} as "numerator/denominator rate", e.g. "6/8 0.7500" or "0/0 null"; hours null when none. */
    private static void assertFigures(JsonNode figures, long count, String response, String resolution,
            String satisfaction, String avgHoursToRespond, String avgHoursToResolve) {
        assertThat(figures.path("count").asLong()).as("count").isEqualTo(count);
        assertRate(figures.path("response"), "response", response);
        assertRate(figures.path("resolution"), "resolution", resolution);
        assertRate(figures.path("satisfaction"), "satisfaction", satisfaction);
        assertDecimal(figures.path("avgHoursToRespond"), "avgHoursToRespond", avgHoursToRespond);
        assertDecimal(figures.path("avgHoursToResolve"), "avgHoursToResolve", avgHoursToResolve);
    }

    private static void assertRate(JsonNode rate, String name, String expected) {
        String[] parts = expected.split("[/ ]");
        assertThat(rate.path("numerator").asLong()).as(name + " numerator").isEqualTo(Long.parseLong(parts[0]));
        assertThat(rate.path("denominator").asLong()).as(name + " denominator").isEqualTo(Long.parseLong(parts[1]));
        assertDecimal(rate.path("rate"), name + " rate", "null".equals(parts[2]) ? null : parts[2]);
    }

    private static void assertDecimal(JsonNode value, String name, String expected) {
        if (expected == null) {
            assertThat(value.isNull()).as(name + " is null, not " + value).isTrue();
        } else {
            assertThat(value.isNumber()).as(name + " is a number, not " + value).isTrue();
            assertThat(value.decimalValue()).as(name).isEqualByComparingTo(new BigDecimal(expected));
        }
    }

    private static JsonNode statistics(String token, String scope, String groupBy) {
        return statistics(token, scope, groupBy, FROM, TO);
    }

    private static JsonNode statistics(String token, String scope, String groupBy, String from, String to) {
        Map<String, String> params = new HashMap<>(Map.of("groupBy", groupBy));
        if (scope != null) {
            params.put("scope", scope);
        }
        if (from != null) {
            params.put("from", from);
            params.put("to", to);
        }
        return get(token, "/api/statistics", params, 200);
    }

    private static JsonNode get(String token, String path, Map<String, String> params, int status) {
        String body = given().auth().oauth2(token).queryParams(params).get(path)
                .then().statusCode(status).contentType(status == 200 ? "application/json" : PROBLEM)
                .extract().asString();
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void badRequest(String token, Map<String, String> params, String field) {
        given().auth().oauth2(token).queryParams(params).get("/api/statistics")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field));
    }

    private static List<String> keys(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.path("groups").forEach(group -> keys.add(group.path("key").asText()));
        return keys;
    }

    private static Map<String, Long> counts(JsonNode answer) {
        Map<String, Long> counts = new HashMap<>();
        answer.path("groups").forEach(group -> counts.put(group.path("key").asText(), group.path("count").asLong()));
        return counts;
    }

    private static JsonNode group(JsonNode answer, String key) {
        for (JsonNode group : answer.path("groups")) {
            if (group.path("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + answer);
    }

    /** A local time of Asia/Shanghai, e.g. "2025-03-01T00:10". */
    private static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai + "+08:00").toInstant();
    }

    private KnownReport report(String community, String item, String status, String receivedInShanghai) {
        return new KnownReport(community, item, status, at(receivedInShanghai));
    }

    /** One report of the known set, inserted as the lifecycle would have left it. */
    private final class KnownReport {
        private final String community;
        private final String item;
        private final String status;
        private final Instant receivedAt;
        private Instant respondedAt;
        private Instant responseDueAt;
        private Instant responseBreachedAt;
        private Instant resolvedAt;
        private Instant resolutionDueAt;
        private Instant resolutionBreachedAt;
        private Boolean satisfied;

        KnownReport(String community, String item, String status, Instant receivedAt) {
            this.community = community;
            this.item = item;
            this.status = status;
            this.receivedAt = receivedAt;
        }

        KnownReport responded(double hoursAfterReceipt) {
            respondedAt = receivedAt.plus((long) (hoursAfterReceipt * 60), ChronoUnit.MINUTES);
            return this;
        }

        KnownReport resolved(double hoursAfterReceipt) {
            resolvedAt = receivedAt.plus((long) (hoursAfterReceipt * 60), ChronoUnit.MINUTES);
            return this;
        }

        KnownReport responseDue(Instant at) {
            responseDueAt = at;
            return this;
        }

        KnownReport responseBreached(Instant at) {
            responseBreachedAt = at;
            return this;
        }

        KnownReport resolutionDue(Instant at) {
            resolutionDueAt = at;
            return this;
        }

        KnownReport resolutionBreached(Instant at) {
            resolutionBreachedAt = at;
            return this;
        }

        KnownReport satisfied(boolean value) {
            satisfied = value;
            return this;
        }

        void insert() {
            UUID id = UUID.randomUUID();
            Tuple params = Tuple.tuple().addUUID(id)
                    .addString("ST-" + id.toString().substring(0, 18))
                    .addString(item).addString(community).addString(status)
                    .addOffsetDateTime(utc(receivedAt)).addOffsetDateTime(utc(respondedAt))
                    .addOffsetDateTime(utc(responseDueAt)).addOffsetDateTime(utc(responseBreachedAt))
                    .addOffsetDateTime(utc(resolvedAt)).addOffsetDateTime(utc(resolutionDueAt))
                    .addOffsetDateTime(utc(resolutionBreachedAt)).addBoolean(satisfied);
            pool.preparedQuery("""
                    insert into report (id, tracking_number, item_code, category_code, community_code, title,
                                        description, channel, status, anonymous, confidential, filed_by_role,
                                        received_at, responded_at, response_kind, on_site_at, response_due_at,
                                        response_breached_at, resolved_at, resolution_due_at, resolution_breached_at,
                                        satisfied, rated_by, version)
                    select $1, $2, ti.code, ti.category_code, $4, 'known set', 'a report of the statistics test',
                           'APP', $5, true, ti.confidential, 'resident', $6, $7,
                           case when $7 is not null then 'ON_SITE_VISIT' end, $7, $8, $9, $10, $11, $12, $13,
                           case when $13 is not null then 'REPORTER' end, 0
                      from taxonomy_item ti where ti.code = $3""").execute(params).await().indefinitely();
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }
}
