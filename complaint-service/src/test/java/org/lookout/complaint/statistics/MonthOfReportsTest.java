package org.lookout.complaint.statistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.complaint.config.MovableClock;
import org.lookout.complaint.lifecycle.RatingWindow;
import org.lookout.complaint.messaging.incoming.EscalationEventsConsumer;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.security.Roles;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * A month of one community's reports made through the API — every channel, follow-ups by staff, an anonymous rating,
 * a grouped action, confidential reports, a response breach and a resolution breach (escalation-service's events sent
 * on the topic in the golden samples' shape), an unrated report closed by the rating window — and every figure of
 * {@code /api/statistics} and {@code /api/statistics/public} checked against the values worked out by hand beside each
 * report below. The community's ranking does not move when the confidential reports arrive. November 2022, community
 * XHY: no other test files reports then.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class MonthOfReportsTest {

    private static final String COMMUNITY = "XHY";
    private static final String STREET = "DCYJD";
    private static final String STAFF = Tokens.staff(COMMUNITY);
    private static final String LOOKOUT = Tokens.builder().subject("month-lookout").roles(Roles.LOOKOUT)
            .community(COMMUNITY).sign();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    MovableClock clock;

    @Inject
    RatingWindow ratingWindow;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void everyFigureOfAMonthOfReportsIsWhatTheReportsSay() throws Throwable {
        // R1 APP, LIFE: on site +2 h (due +24 h), resolved +24 h, the resident satisfied
        String r1 = file(resident("a"), "corridor-lighting", "APP", "2022-11-07T09:00", false);
        responseDue(r1, "2022-11-07T09:00");
        handle(r1, "ON_SITE_VISIT", "2022-11-07T11:00");
        resolve(r1, "2022-11-08T09:00");
        rate(resident("a"), r1, true);
        // R2 PHONE, LIFE: first contact +1 h in time, on site +30 h late; resolved +48 h; followed up: satisfied
        String r2 = file(STAFF, "water", "PHONE", "2022-11-08T09:00", false);
        responseDue(r2, "2022-11-08T09:00");
        handle(r2, "FIRST_CONTACT", "2022-11-08T10:00");
        respond(r2, "ON_SITE_VISIT", "2022-11-09T15:00");
        resolve(r2, "2022-11-10T09:00");
        followUp(r2, true);
        // R3 VISIT, SERVICE: on site +3 h; resolved +72 h; followed up: not satisfied, reopened (its resolution due
        // passed: due, not resolved)
        String r3 = file(STAFF, "subsistence-allowance", "VISIT", "2022-11-09T09:00", false);
        responseDue(r3, "2022-11-09T09:00");
        handle(r3, "ON_SITE_VISIT", "2022-11-09T12:00");
        resolve(r3, "2022-11-12T09:00");
        followUp(r3, false);
        schedule(r3, "RESOLUTION", at("2022-11-16T09:00"));
        // R4 LETTER, SERVICE: on site +5 h; resolved +24 h; nobody rates it: the window closes it, not rated
        String r4 = file(STAFF, "elderly-care", "LETTER", "2022-11-10T09:00", false);
        responseDue(r4, "2022-11-10T09:00");
        handle(r4, "ON_SITE_VISIT", "2022-11-10T14:00");
        resolve(r4, "2022-11-11T09:00");
        // R5 APP anonymous, LIFE: on site +4 h; resolved +24 h; rated satisfied with the tracking code and secret
        Map<String, Object> r5receipt = fileAnonymously(resident("b"), "noise", "2022-11-11T09:00");
        String r5 = (String) r5receipt.get("id");
        responseDue(r5, "2022-11-11T09:00");
        handle(r5, "ON_SITE_VISIT", "2022-11-11T13:00");
        resolve(r5, "2022-11-12T09:00");
        given().contentType(ContentType.JSON).header("X-Tracking-Secret", r5receipt.get("trackingSecret"))
                .body("{\"satisfied\":true}").post("/api/complaints/track/" + r5receipt.get("trackingCode")
                        + "/feedback").then().statusCode(200);
        // R6-R8 LOOKOUT, LIFE, worked as one action: on site at 15:00 (+6, +5, +4 h), resolved next day 15:00
        // (+30, +29, +28 h); R6 and R7 followed up satisfied, R8 unrated (closed by the window)
        String r6 = file(LOOKOUT, "heating-gas", "LOOKOUT", "2022-11-14T09:00", false);
        String r7 = file(LOOKOUT, "heating-gas", "LOOKOUT", "2022-11-14T10:00", false);
        String r8 = file(LOOKOUT, "heating-gas", "LOOKOUT", "2022-11-14T11:00", false);
        for (String id : List.of(r6, r7, r8)) {
            schedule(id, "RESPONSE", received(id).plus(Duration.ofDays(1)));
        }
        String action = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"title\":\"燃气报警器\",\"itemCode\":\"heating-gas\",\"reportIds\":[\"" + r6 + "\",\"" + r7
                        + "\",\"" + r8 + "\"]}")
                .post("/api/complaints/actions").then().statusCode(201).extract().path("id");
        actionCommand(action, "accept", "{}");
        actionCommand(action, "assign", "{\"unit\":\"VOLUNTEER\"}");
        actionCommand(action, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + at("2022-11-14T15:00")
                + "\"}");
        clock.set(at("2022-11-15T15:00"));
        actionCommand(action, "resolve", "{\"result\":\"报警器已安装\"}");
        followUp(r6, true);
        followUp(r7, true);
        // R9 APP, PUBLIC: the response clock breaches at +24 h; on site +40 h, late (first contact late too); its
        // resolution due +3 d passes unresolved
        String r9 = file(resident("c"), "public-safety", "APP", "2022-11-15T09:00", false);
        responseDue(r9, "2022-11-15T09:00");
        breach(r9, "RESPONSE", at("2022-11-16T09:00"));
        schedule(r9, "RESOLUTION", at("2022-11-18T09:00"));
        handle(r9, "ON_SITE_VISIT", "2022-11-17T01:00");
        // R10 APP, PUBLIC: on site +2 h; the resolution clock breaches at +2 d: due, not resolved
        String r10 = file(resident("d"), "roads-facilities", "APP", "2022-11-16T09:00", false);
        responseDue(r10, "2022-11-16T09:00");
        handle(r10, "ON_SITE_VISIT", "2022-11-16T11:00");
        schedule(r10, "RESOLUTION", at("2022-11-18T09:00"));
        breach(r10, "RESOLUTION", at("2022-11-18T09:00"));
        // R13 APP: rejected as spam: counted, in no rate
        String r13 = file(resident("a"), "corridor-lighting", "APP", "2022-11-21T09:00", false);
        command(STAFF, r13, "reject", "{\"reason\":\"SPAM\"}").statusCode(200);
        // R14 WEB, PUBLIC: accepted, never responded; its response due passed: due, not in time
        String r14 = file(resident("e"), "markets", "WEB", "2022-11-22T09:00", false);
        responseDue(r14, "2022-11-22T09:00");
        command(STAFF, r14, "accept", "{}").statusCode(200);
        // the rating window closes R4 and R8, not rated
        clock.set(at("2022-12-10T09:00"));
        while (VertxContextSupport.subscribeAndAwait(() -> ratingWindow.closeUnrated()) > 0) {
            // another batch
        }
        clock.reset();
        assertThat(status(r4)).isEqualTo("CLOSED");
        assertThat(status(r8)).isEqualTo("CLOSED");
        JsonNode rankingBefore = get(Tokens.supervisor(STREET), "/api/statistics/ranking", Map.of("from",
                "2022-11-01", "to", "2022-11-30"));

        // R11, R12 confidential (cadre-conduct): R11 only received; R12 worked by admin, on site +1 h, resolved
        // +24 h, its reporter satisfied — in no figure of the community, only in the inspectors'
        file(resident("f"), "cadre-conduct", "APP", "2022-11-17T09:00", false);
        String r12 = file(resident("g"), "cadre-conduct", "APP", "2022-11-18T09:00", false);
        for (String move : List.of("accept", "respond", "resolve")) {
            String body = switch (move) {
                case "respond" -> "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + at("2022-11-18T10:00") + "\"}";
                case "resolve" -> "{\"result\":\"forwarded and answered\"}";
                default -> "{}";
            };
            if (move.equals("resolve")) {
                clock.set(at("2022-11-19T09:00"));
            }
            command(Tokens.admin(), r12, move, body).statusCode(200);
        }
        clock.reset();
        rate(resident("g"), r12, true);

        // the community's figures, by hand from the comments above
        JsonNode month = get(STAFF, "/api/statistics", Map.of("from", "2022-11-01", "to", "2022-11-30"));
        JsonNode total = month.path("total");
        assertThat(total.path("count").asLong()).isEqualTo(12);
        assertRate(total, "response", "8/11 0.7273");
        assertRate(total, "firstContact", "9/11 0.8182");
        assertRate(total, "resolution", "7/10 0.7000");
        assertRate(total, "satisfaction", "5/6 0.8333");
        assertRate(total, "satisfactionByReporter", "2/2 1.0000");
        assertRate(total, "satisfactionByFollowUp", "3/4 0.7500");
        assertDecimal(total.path("avgHoursToRespond"), "7.20");
        assertDecimal(total.path("avgHoursToResolve"), "29.57");
        assertThat(keys(month)).containsExactly("LIFE", "SERVICE", "PUBLIC");
        JsonNode life = group(month, "LIFE");
        assertThat(life.path("count").asLong()).isEqualTo(7);
        assertRate(life, "response", "5/6 0.8333");
        assertRate(life, "firstContact", "6/6 1.0000");
        assertRate(life, "resolution", "6/6 1.0000");
        assertRate(life, "satisfaction", "5/5 1.0000");
        assertRate(life, "satisfactionByReporter", "2/2 1.0000");
        assertRate(life, "satisfactionByFollowUp", "3/3 1.0000");
        assertDecimal(life.path("avgHoursToRespond"), "3.67");
        assertDecimal(life.path("avgHoursToResolve"), "30.50");
        JsonNode service = group(month, "SERVICE");
        assertThat(service.path("count").asLong()).isEqualTo(2);
        assertRate(service, "response", "2/2 1.0000");
        assertRate(service, "resolution", "1/2 0.5000");
        assertRate(service, "satisfaction", "0/1 0.0000");
        assertRate(service, "satisfactionByFollowUp", "0/1 0.0000");
        assertDecimal(service.path("avgHoursToRespond"), "4.00");
        assertDecimal(service.path("avgHoursToResolve"), "24.00");
        JsonNode publicAffairs = group(month, "PUBLIC");
        assertThat(publicAffairs.path("count").asLong()).isEqualTo(3);
        assertRate(publicAffairs, "response", "1/3 0.3333");
        assertRate(publicAffairs, "firstContact", "1/3 0.3333");
        assertRate(publicAffairs, "resolution", "0/2 0.0000");
        assertRate(publicAffairs, "satisfaction", "0/0 null");
        assertDecimal(publicAffairs.path("avgHoursToRespond"), "21.00");
        assertThat(publicAffairs.path("avgHoursToResolve").isNull()).isTrue();
        // the supervisor sees the same of the community; the item grouping never shows the confidential item
        assertThat(get(Tokens.supervisor(STREET), "/api/statistics", Map.of("scope", COMMUNITY, "from", "2022-11-01",
                "to", "2022-11-30")).path("total")).isEqualTo(total);
        assertThat(keys(get(STAFF, "/api/statistics", Map.of("from", "2022-11-01", "to", "2022-11-30", "groupBy",
                "item")))).doesNotContain("cadre-conduct");

        // what residents see of it: counts per category, every category, and the three rates
        JsonNode published = get(resident("a"), "/api/statistics/public", Map.of("month", "2022-11"));
        assertThat(published.path("community").asText()).isEqualTo(COMMUNITY);
        assertThat(published.path("month").asText()).isEqualTo("2022-11");
        assertThat(published.path("count").asLong()).isEqualTo(12);
        assertRate(published, "response", "8/11 0.7273");
        assertRate(published, "resolution", "7/10 0.7000");
        assertRate(published, "satisfaction", "5/6 0.8333");
        List<String> categories = new ArrayList<>();
        published.path("categories").forEach(c -> categories.add(c.path("code").asText() + "=" + c.path("count")
                .asLong()));
        assertThat(categories).containsExactly("LIFE=7", "SERVICE=2", "PUBLIC=3", "ENFORCEMENT=0");
        assertThat(published.toString()).doesNotContain("month of reports").doesNotContain("杏花苑 5号楼")
                .doesNotContain(r1).doesNotContain("month-resident");
        assertThat(get(LOOKOUT, "/api/statistics/public", Map.of("community", COMMUNITY, "month", "2022-11")))
                .isEqualTo(published);
        given().auth().oauth2(Tokens.resident("month-other", "HPL")).queryParam("community", COMMUNITY)
                .get("/api/statistics/public").then().statusCode(404);

        // the confidential reports count in the inspectors' figures only, and move no ranking
        JsonNode confidential = get(Tokens.builder().subject("month-inspector").roles(Roles.INSPECTOR).street(STREET)
                .sign(), "/api/statistics", Map.of("scope", COMMUNITY, "from", "2022-11-01", "to", "2022-11-30"));
        assertThat(confidential.path("confidential").asBoolean()).isTrue();
        assertThat(confidential.path("total").path("count").asLong()).isEqualTo(2);
        assertRate(confidential.path("total"), "response", "1/1 1.0000");
        assertRate(confidential.path("total"), "resolution", "1/1 1.0000");
        assertRate(confidential.path("total"), "satisfaction", "1/1 1.0000");
        assertDecimal(confidential.path("total").path("avgHoursToRespond"), "1.00");
        assertDecimal(confidential.path("total").path("avgHoursToResolve"), "24.00");
        JsonNode rankingAfter = get(Tokens.supervisor(STREET), "/api/statistics/ranking", Map.of("from",
                "2022-11-01", "to", "2022-11-30"));
        assertThat(rankingAfter).isEqualTo(rankingBefore);
        assertThat(rankingAfter.path("ranked").get(0).path("community").path("key").asText()).isEqualTo(COMMUNITY);
        assertRate(rankingAfter.path("ranked").get(0).path("community"), "resolution", "7/10 0.7000");
    }

    private String file(String token, String item, String channel, String receivedInShanghai, boolean anonymous) {
        return (String) receipt(token, item, channel, receivedInShanghai, anonymous).get("id");
    }

    private Map<String, Object> fileAnonymously(String token, String item, String receivedInShanghai) {
        return receipt(token, item, "APP", receivedInShanghai, true);
    }

    /** What intake answers for a report received at that time of Asia/Shanghai. */
    private Map<String, Object> receipt(String token, String item, String channel, String receivedInShanghai,
            boolean anonymous) {
        clock.set(at(receivedInShanghai));
        String body = """
                {"itemCode":"%s","title":"month of reports","description":"a report of the month","communityCode":"%s",
                 "location":{"address":"杏花苑 5号楼"},"channel":"%s","anonymous":%s}
                """.formatted(item, COMMUNITY, channel, anonymous);
        Map<String, Object> receipt = submit(token, body).statusCode(201).extract().path("$");
        clock.reset();
        return receipt;
    }

    /** Accepted, then the first response of {@code kind} at the time given. */
    private static void handle(String id, String kind, String atInShanghai) {
        command(STAFF, id, "accept", "{}").statusCode(200);
        respond(id, kind, atInShanghai);
    }

    private static void respond(String id, String kind, String atInShanghai) {
        command(STAFF, id, "respond", "{\"kind\":\"" + kind + "\",\"respondedAt\":\"" + at(atInShanghai) + "\"}")
                .statusCode(200);
    }

    private void resolve(String id, String atInShanghai) {
        clock.set(at(atInShanghai));
        command(STAFF, id, "resolve", "{\"result\":\"done\"}").statusCode(200);
        clock.reset();
    }

    private static void rate(String reporter, String id, boolean satisfied) {
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"satisfied\":" + satisfied + "}")
                .post("/api/complaints/" + id + "/feedback").then().statusCode(200);
    }

    private static void followUp(String id, boolean satisfied) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reachedBy\":\"PHONE\",\"satisfied\":"
                + satisfied + ",\"reachedAt\":\"" + Instant.now() + "\"}").post("/api/complaints/" + id + "/follow-up")
                .then().statusCode(201);
    }

    private static void actionCommand(String action, String what, String body) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .post("/api/complaints/actions/" + action + "/" + what).then().statusCode(200);
    }

    /** escalation-service's response clock: due one day after receipt. */
    private static void responseDue(String id, String receivedInShanghai) {
        schedule(id, "RESPONSE", at(receivedInShanghai).plus(Duration.ofDays(1)));
    }

    private static void schedule(String id, String clockKind, Instant dueAt) {
        apply(GoldenEvents.about(EventType.ESCALATION_SLA_SCHEDULED, id, data -> {
            data.put("clockKind", clockKind);
            data.put("communityCode", COMMUNITY);
            data.put("dueAt", dueAt.toString());
            data.put("reason", "STARTED");
        }));
    }

    private static void breach(String id, String clockKind, Instant at) {
        apply(GoldenEvents.about(EventType.ESCALATION_SLA_BREACHED, id, data -> {
            data.put("clockKind", clockKind);
            data.put("communityCode", COMMUNITY);
            data.put("dueAt", at.toString());
            data.put("breachedAt", at.toString());
        }));
    }

    /** Sends the event on escalation-service's topic and waits until this service applied it. */
    private static void apply(CloudEvent event) {
        GoldenEvents.send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> ComplaintDatabase.processed(
                EscalationEventsConsumer.CONSUMER, event.id()));
    }

    private static Instant received(String id) {
        return Instant.parse(given().auth().oauth2(Tokens.admin()).get("/api/complaints/" + id).then().extract()
                .path("receivedAt"));
    }

    private static String status(String id) {
        return given().auth().oauth2(Tokens.admin()).get("/api/complaints/" + id).then().extract().path("status");
    }

    private static String resident(String who) {
        return Tokens.resident("month-resident-" + who, COMMUNITY);
    }

    private static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai + "+08:00").toInstant();
    }

    private static JsonNode get(String token, String path, Map<String, String> params) {
        String body = given().auth().oauth2(token).queryParams(params).get(path).then().statusCode(200).extract()
                .asString();
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void assertRate(JsonNode figures, String name, String expected) {
        JsonNode rate = figures.path(name);
        String[] parts = expected.split("[/ ]");
        assertThat(rate.path("numerator").asLong()).as(name + " numerator").isEqualTo(Long.parseLong(parts[0]));
        assertThat(rate.path("denominator").asLong()).as(name + " denominator").isEqualTo(Long.parseLong(parts[1]));
        if ("null".equals(parts[2])) {
            assertThat(rate.path("rate").isNull()).as(name + " rate is null").isTrue();
        } else {
            assertDecimal(rate.path("rate"), parts[2]);
        }
    }

    private static void assertDecimal(JsonNode value, String expected) {
        assertThat(value.isNumber()).as("a number, not " + value).isTrue();
        assertThat(value.decimalValue()).isEqualByComparingTo(new BigDecimal(expected));
    }

    private static List<String> keys(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.path("groups").forEach(group -> keys.add(group.path("key").asText()));
        return keys;
    }

    private static JsonNode group(JsonNode answer, String key) {
        for (JsonNode group : answer.path("groups")) {
            if (group.path("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + answer);
    }
}
