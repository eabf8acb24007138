package org.lookout.complaint.worklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.security.Roles;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * Worklists: who sees what, every filter, the due-time order, cursor paging that an insert does not disturb, ETag and
 * 304, reports by tracking number. Each test files its reports with a marker of its own in the title and narrows the
 * worklist to them with {@code q}, so the reports other tests file do not matter.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class WorklistResourceTest {

    private static final String COMMUNITY = "JXY";
    private static final String STREET = "DCYJD";
    private static final String STAFF = Tokens.staff(COMMUNITY);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void staffFindAResidentsAppReportInTheirWorklistAndOthersOnlyWithinTheirScope() {
        String marker = marker();
        String resident = Tokens.resident("worklist-resident-" + marker, COMMUNITY);
        String id = file(resident, COMMUNITY, "corridor-lighting", "APP", marker + " dark stairwell", false);
        String confidential = file(resident, COMMUNITY, "cadre-conduct", "APP", marker + " official", false);

        assertThat(ids(STAFF, "q=" + marker)).containsExactly(id);
        assertThat(ids(Tokens.supervisor(STREET), "q=" + marker)).containsExactly(id);
        assertThat(ids(Tokens.admin(), "q=" + marker)).containsExactlyInAnyOrder(id, confidential);
        assertThat(ids(resident, "q=" + marker)).containsExactlyInAnyOrder(id, confidential);
        assertThat(ids(inspector(STREET), "q=" + marker)).containsExactly(confidential);
        assertThat(ids(inspector("OTHERJD"), "q=" + marker)).isEmpty();
        assertThat(ids(Tokens.staff("DCY"), "q=" + marker)).isEmpty();
        assertThat(ids(Tokens.supervisor("OTHERJD"), "q=" + marker)).isEmpty();
        assertThat(ids(Tokens.resident("someone-else", COMMUNITY), "q=" + marker)).isEmpty();
        given().auth().oauth2(Tokens.agency("police-dcy")).get("/api/complaints").then().statusCode(403);

        // a community outside the caller's scope is absent, as a report is
        given().auth().oauth2(Tokens.staff("DCY")).queryParam("community", COMMUNITY).get("/api/complaints")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor("OTHERJD")).queryParam("community", COMMUNITY).get("/api/complaints")
                .then().statusCode(404);
        given().auth().oauth2(STAFF).queryParam("community", "NOPE").get("/api/complaints").then().statusCode(404);
        assertThat(ids(Tokens.supervisor(STREET), "q=" + marker + "&community=" + COMMUNITY)).containsExactly(id);
    }

    @Test
    void everyFilterNarrowsTheList() {
        String marker = marker();
        String resident = Tokens.resident("worklist-filters-" + marker, COMMUNITY);
        String water = file(resident, COMMUNITY, "water", "APP", marker + " leak", false);
        String noise = file(resident, COMMUNITY, "noise", "WEB", marker + " noise at night", false);
        String phone = file(STAFF, COMMUNITY, "subsistence-allowance", "PHONE", marker + " allowance", false);
        String hpl = file(Tokens.resident("worklist-filters-hpl-" + marker, "HPL"), "HPL", "water", "APP",
                marker + " leak elsewhere", false);
        command(STAFF, noise, "accept", "{}").statusCode(200);
        command(STAFF, noise, "assign", "{\"unit\":\"STAFF\",\"staffMember\":\"staff-7\"}").statusCode(200);
        command(STAFF, phone, "accept", "{}").statusCode(200);
        command(STAFF, phone, "assign", "{\"unit\":\"VOLUNTEER\"}").statusCode(200);
        command(STAFF, phone, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        command(STAFF, phone, "resolve", "{\"result\":\"paid\"}").statusCode(200);
        Instant soon = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        ComplaintDatabase.execute("update report set response_due_at = ?, response_warned_at = ? where id = ?::uuid",
                Timestamp.from(soon), Timestamp.from(Instant.now()), water);
        ComplaintDatabase.execute("update report set resolution_due_at = ?, resolution_breached_at = ? where id = ?::uuid",
                Timestamp.from(soon.plus(Duration.ofDays(1))), Timestamp.from(Instant.now()), noise);
        String admin = Tokens.admin();
        String q = "q=" + marker + "&";

        assertThat(ids(admin, q + "status=RECEIVED")).containsExactlyInAnyOrder(water, hpl);
        assertThat(ids(admin, q + "status=ASSIGNED,RESOLVED")).containsExactlyInAnyOrder(noise, phone);
        assertThat(ids(admin, q + "status=ASSIGNED&status=received")).containsExactlyInAnyOrder(noise, water, hpl);
        assertThat(ids(admin, q + "item=water")).containsExactlyInAnyOrder(water, hpl);
        assertThat(ids(admin, q + "category=SERVICE")).containsExactly(phone);
        assertThat(ids(admin, q + "channel=WEB")).containsExactly(noise);
        assertThat(ids(admin, q + "community=HPL")).containsExactly(hpl);
        assertThat(ids(admin, q + "assignee=VOLUNTEER")).containsExactly(phone);
        assertThat(ids(admin, q + "assignee=staff-7")).containsExactly(noise);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(ids(admin, q + "receivedFrom=" + today + "&receivedTo=" + today)).hasSize(4);
        assertThat(ids(admin, q + "receivedTo=2020-01-01")).isEmpty();
        assertThat(ids(admin, q + "dueBefore=" + soon.plusSeconds(1))).containsExactly(water);
        assertThat(ids(admin, q + "dueBefore=" + soon.plus(Duration.ofDays(2)))).containsExactly(water, noise);
        assertThat(ids(admin, q + "warned=true")).containsExactly(water);
        assertThat(ids(admin, q + "warned=false")).containsExactlyInAnyOrder(noise, phone, hpl);
        assertThat(ids(admin, q + "breached=true")).containsExactly(noise);
        assertThat(ids(admin, q + "unrated=true")).containsExactly(phone);
        assertThat(ids(admin, q + "unrated=false")).isEmpty();
        assertThat(ids(admin, "q=" + marker.toLowerCase() + " LEAK")).containsExactlyInAnyOrder(water, hpl);
        String trackingNumber = given().auth().oauth2(admin).get("/api/complaints/" + hpl).then().extract()
                .path("trackingNumber");
        assertThat(ids(admin, "q=" + trackingNumber)).containsExactly(hpl);
        // pattern characters are text, not wildcards
        assertThat(ids(admin, "q=" + marker + "%25")).isEmpty();
        assertThat(ids(admin, "q=" + marker + "_")).isEmpty();
    }

    @Test
    void theWorklistIsOrderedByDueTimeAndReportsWithoutOneComeLast() {
        String marker = marker();
        String resident = Tokens.resident("worklist-order-" + marker, COMMUNITY);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            filed.add(file(resident, COMMUNITY, "water", "APP", marker + " report " + i, false));
        }
        Instant base = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        // 0: response due in 3 h; 1: resolution due in 1 h (earlier, although its response clock is later);
        // 2: no due time known; 3: responded (its response due no longer counts), resolution due in 5 h
        due(filed.get(0), base.plus(Duration.ofHours(3)), base.plus(Duration.ofDays(3)));
        due(filed.get(1), base.plus(Duration.ofHours(4)), base.plus(Duration.ofHours(1)));
        due(filed.get(3), base.minus(Duration.ofHours(10)), base.plus(Duration.ofHours(5)));
        command(STAFF, filed.get(3), "accept", "{}").statusCode(200);
        command(STAFF, filed.get(3), "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now()
                + "\"}").statusCode(200);

        Response answer = page(STAFF, "q=" + marker);
        assertThat(answer.jsonPath().getList("id", String.class))
                .containsExactly(filed.get(1), filed.get(0), filed.get(3), filed.get(2));
        assertThat(answer.jsonPath().getString("[0].dueAt")).isEqualTo(base.plus(Duration.ofHours(1)).toString());
        assertThat(answer.jsonPath().getString("[3].dueAt")).isNull();
        // the view's due time is the database's, report by report
        for (Map<String, Object> view : answer.jsonPath().<Map<String, Object>> getList("")) {
            Object dueAt = view.get("dueAt");
            long known = ComplaintDatabase.number("select count(*) from report where id = ?::uuid and"
                    + " due_at is not distinct from ?::timestamptz", view.get("id"), dueAt == null ? null : dueAt);
            assertThat(known).as("due_at of %s", view.get("id")).isEqualTo(1);
        }
        // residents see what they filed, newest first, unless they ask for the due-time order
        assertThat(ids(resident, "q=" + marker)).containsExactlyElementsOf(filed.reversed());
        assertThat(ids(resident, "q=" + marker + "&sort=due"))
                .containsExactly(filed.get(1), filed.get(0), filed.get(3), filed.get(2));
    }

    @Test
    void aCursorPagesThroughOnceEvenWhenReportsAreFiledBetweenPages() {
        String marker = marker();
        String resident = Tokens.resident("worklist-paging-" + marker, COMMUNITY);
        Instant base = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < 5; i++) {
            String id = file(resident, COMMUNITY, "water", "APP", marker + " page " + i, false);
            due(id, base.plus(Duration.ofHours(i)), null);
            expected.add(id);
        }
        String undue = file(resident, COMMUNITY, "noise", "APP", marker + " no due time", false);
        expected.add(undue);

        List<String> seen = new ArrayList<>();
        Response first = page(STAFF, "q=" + marker + "&limit=2");
        seen.addAll(first.jsonPath().getList("id", String.class));
        // filed between pages: one due before the cursor (it does not push the others onto the next page), one after
        String early = file(resident, COMMUNITY, "water", "APP", marker + " early", false);
        due(early, base.minus(Duration.ofHours(1)), null);
        String late = file(resident, COMMUNITY, "water", "APP", marker + " late", false);
        due(late, base.plus(Duration.ofHours(10)), null);
        String next = nextLink(first);
        while (next != null) {
            Response more = given().auth().oauth2(STAFF).get(next).then().statusCode(200).extract().response();
            seen.addAll(more.jsonPath().getList("id", String.class));
            assertThat(more.jsonPath().getList("id")).hasSizeLessThanOrEqualTo(2);
            next = nextLink(more);
        }
        assertThat(seen).doesNotHaveDuplicates().doesNotContain(early).containsAll(expected).contains(late);
        assertThat(seen.indexOf(late)).isLessThan(seen.indexOf(undue));
    }

    @Test
    void aPollingClientGetsNotModifiedUntilSomethingOnItsPageChanges() {
        String marker = marker();
        String id = file(Tokens.resident("worklist-etag-" + marker, COMMUNITY), COMMUNITY, "water", "APP",
                marker + " etag", false);
        Response first = page(STAFF, "q=" + marker);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("private");

        given().auth().oauth2(STAFF).header("If-None-Match", etag).get("/api/complaints?q=" + marker)
                .then().statusCode(304).header("ETag", equalTo(etag));
        given().auth().oauth2(STAFF).header("If-None-Match", "W/" + etag + ", \"other\"")
                .get("/api/complaints?q=" + marker).then().statusCode(304);

        command(STAFF, id, "accept", "{}").statusCode(200);
        Response changed = given().auth().oauth2(STAFF).header("If-None-Match", etag)
                .get("/api/complaints?q=" + marker).then().statusCode(200).extract().response();
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getString("[0].status")).isEqualTo("ACCEPTED");
    }

    @Test
    void aReportIsFoundByItsTrackingNumberWithinTheCallersScope() {
        String marker = marker();
        String resident = Tokens.resident("worklist-tracking-" + marker, COMMUNITY);
        String id = file(resident, COMMUNITY, "water", "APP", marker + " by number", false);
        String number = given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().extract()
                .path("trackingNumber");

        given().auth().oauth2(STAFF).get("/api/complaints/by-tracking/" + number)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(STAFF).get("/api/complaints/by-tracking/" + number.toLowerCase())
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(resident).get("/api/complaints/by-tracking/" + number).then().statusCode(200);
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/by-tracking/" + number)
                .then().statusCode(404);
        given().auth().oauth2(STAFF).get("/api/complaints/by-tracking/JXY-2026-999999").then().statusCode(404);
        given().auth().oauth2(STAFF).get("/api/complaints/by-tracking/not-a-number")
                .then().statusCode(400).body("errors[0].field", equalTo("number"));
    }

    @Test
    void aWholeTrackingNumberAsQIsAnsweredByThatReportAloneWithinTheScope() {
        String marker = marker();
        String resident = Tokens.resident("worklist-q-number-" + marker, COMMUNITY);
        String id = file(resident, COMMUNITY, "water", "APP", marker + " by q number", false);
        String number = given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().extract()
                .path("trackingNumber");
        String quoting = file(resident, COMMUNITY, "noise", "APP", marker + " again, see " + number, false);

        assertThat(ids(STAFF, "q=" + number)).as("the unique index, not the title quoting it").containsExactly(id);
        assertThat(ids(STAFF, "q=" + number.toLowerCase())).containsExactly(id);
        assertThat(ids(Tokens.supervisor(STREET), "q=" + number + "&community=" + COMMUNITY)).containsExactly(id);
        assertThat(ids(STAFF, "q=" + number + "&status=RESOLVED")).isEmpty();
        assertThat(ids(Tokens.staff("DCY"), "q=" + number)).isEmpty();
        assertThat(ids(resident, "q=" + number)).containsExactly(id);
        assertThat(ids(Tokens.resident("someone-else-q", COMMUNITY), "q=" + number)).isEmpty();
        // anything short of a whole number is text as before: contained in a tracking number, title or address
        assertThat(ids(STAFF, "q=" + number.substring(0, number.length() - 1))).contains(id, quoting);
        assertThat(ids(STAFF, "q=" + marker + " again")).containsExactly(quoting);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        Map<String, String> bad = Map.ofEntries(Map.entry("status", "OPENED"), Map.entry("channel", "FAX"),
                Map.entry("limit", "201"), Map.entry("warned", "yes"), Map.entry("breached", "1"),
                Map.entry("unrated", "maybe"), Map.entry("receivedFrom", "2026-02-30"),
                Map.entry("receivedTo", "yesterday"), Map.entry("dueBefore", "soon"), Map.entry("sort", "title"),
                Map.entry("cursor", "not-a-cursor"), Map.entry("item", "water;drop"), Map.entry("q", "x".repeat(101)));
        bad.forEach((parameter, value) -> given().auth().oauth2(STAFF).queryParam(parameter, value)
                .get("/api/complaints").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter)));
        given().auth().oauth2(STAFF).queryParam("limit", "0").get("/api/complaints").then().statusCode(400);
        given().auth().oauth2(STAFF).queryParam("limit", "200").get("/api/complaints").then().statusCode(200);
        // a cursor of the due-time order does not page the order by receipt
        String marker = marker();
        String resident = Tokens.resident("worklist-cursor-" + marker, COMMUNITY);
        file(resident, COMMUNITY, "water", "APP", marker + " one", false);
        file(resident, COMMUNITY, "water", "APP", marker + " two", false);
        Response first = page(STAFF, "q=" + marker + "&limit=1");
        String cursor = nextLink(first).replaceAll(".*cursor=([^&]+).*", "$1");
        given().auth().oauth2(STAFF).queryParam("cursor", cursor).queryParam("sort", "received")
                .get("/api/complaints").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private static String marker() {
        return "WL" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static String inspector(String street) {
        return Tokens.builder().subject("inspector-worklist").roles(Roles.INSPECTOR).street(street).sign();
    }

    private static String file(String token, String community, String item, String channel, String title,
            boolean anonymous) {
        String body = """
                {"itemCode":"%s","title":"%s","description":"worklist test","communityCode":"%s",
                 "location":{"address":"%s 3号楼"},"channel":"%s","anonymous":%s}
                """.formatted(item, title, community, community, channel, anonymous);
        return submit(token, body).statusCode(201).extract().path("id");
    }

    private static void due(String id, Instant response, Instant resolution) {
        ComplaintDatabase.execute("update report set response_due_at = ?, resolution_due_at = ? where id = ?::uuid",
                Timestamp.from(response), resolution == null ? null : Timestamp.from(resolution), id);
    }

    private static Response page(String token, String query) {
        return given().auth().oauth2(token).get("/api/complaints?" + query).then().statusCode(200)
                .contentType("application/json").extract().response();
    }

    private static List<String> ids(String token, String query) {
        return page(token, query).jsonPath().getList("id", String.class);
    }

    private static String nextLink(Response answer) {
        String link = answer.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as("a next link in %s", link).isTrue();
        return matcher.group(1);
    }
}
