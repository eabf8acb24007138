package org.lookout.complaint.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The community ledger (台账): rows in order, CSV that survives a spreadsheet, scope, masking and refusals. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class LedgerResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String COMMUNITY = "XHY";
    private static final String STAFF = Tokens.staff(COMMUNITY);
    private static final String REPORTER = "reporter-ledger-1";
    private static final String ACCEPT_NOTE = "住户说：\"灯坏了\", call Mr. \"Li\", room 3,4";
    private static final String ASSIGN_NOTE = "第一行, line one\nsecond line \"quoted\"";
    private static final List<String> COLUMNS = List.of("at", "trackingNumber", "itemCode", "categoryCode", "channel",
            "fromStatus", "toStatus", "actorRole", "note", "reportId");

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool pool;

    @Test
    void aLongLedgerIsReadPageByPageInTimeOrder() {
        Response filed = submit(Tokens.resident("JXY"), report("water", "JXY", "APP")).statusCode(201).extract().response();
        String id = filed.path("id");
        String trackingNumber = filed.path("trackingNumber");
        // 1,234 more entries, many sharing one instant and inserted out of time order, across three pages of 500
        pool.preparedQuery("""
                insert into report_history (report_id, at, from_status, to_status, actor_role, note)
                select $1, date_trunc('second', now()) - ((g * 7) % 97) * interval '1 second', 'ACCEPTED', 'ASSIGNED',
                       'staff', 'bulk ' || g
                  from generate_series(1, 1234) g""").execute(Tuple.of(UUID.fromString(id)))
                .await().indefinitely();
        List<String> expected = new ArrayList<>();
        for (Row row : pool.preparedQuery("select coalesce(note, '') as note from report_history where report_id = $1"
                + " order by at, id").execute(Tuple.of(UUID.fromString(id))).await().indefinitely()) {
            expected.add(row.getString("note"));
        }
        assertThat(expected).hasSize(1235);

        Response answer = given().auth().oauth2(Tokens.staff("JXY")).accept("application/json")
                .queryParam("community", "JXY").queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/api/ledger");
        answer.then().statusCode(200);
        List<Map<String, Object>> rows = mine(answer.jsonPath().getList("", Map.class), Set.of(trackingNumber));
        assertThat(rows).extracting(row -> Objects.toString(row.get("note"), "")).containsExactlyElementsOf(expected);

        byte[] csv = given().auth().oauth2(Tokens.staff("JXY")).accept("text/csv")
                .queryParam("community", "JXY").queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/api/ledger")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> records = parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertThat(records.stream().filter(record -> record.get(1).equals(trackingNumber)).map(record -> record.get(8)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aCommunitysLedgerIsWhatTheJoinOnTheReportsCommunityAnswered() {
        String hepingli = submit(Tokens.resident("HPL"), report("water", "HPL", "APP")).statusCode(201).extract().path("id");
        String qingnian = submit(Tokens.resident("QNJ"), report("water", "QNJ", "APP")).statusCode(201).extract().path("id");
        // 1,200 changes of two communities interleaved at shared instants across three pages, written as the writers
        // write them: without community_code (V66's trigger fills it from the report)
        pool.preparedQuery("""
                insert into report_history (report_id, at, from_status, to_status, actor_role, note)
                select case when g % 3 = 0 then $1 else $2 end,
                       date_trunc('second', now()) - ((g * 5) % 61) * interval '1 second', 'ACCEPTED', 'ASSIGNED',
                       'staff', 'interleaved ' || g
                  from generate_series(1, 1200) g""")
                .execute(Tuple.of(UUID.fromString(hepingli), UUID.fromString(qingnian))).await().indefinitely();
        assertThat(pool.query("""
                select count(*) as wrong from report_history h join report r on r.id = h.report_id
                 where h.community_code is distinct from r.community_code""").execute().await().indefinitely()
                .iterator().next().getLong("wrong")).as("every history row carries its report's community").isZero();

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (String community : List.of("HPL", "QNJ")) {
            // the ledger's statement before V66 (every community's changes, those of the community's reports kept),
            // a confidential report's note masked as staff see it
            List<String> expected = new ArrayList<>();
            for (Row row : pool.preparedQuery("""
                    select h.report_id::text || '|' || case when r.confidential then '' else coalesce(h.note, '') end
                           || '|' || h.to_status as line
                      from report_history h join report r on r.id = h.report_id
                     where r.community_code = $1 and h.at >= $2 and h.at < $3
                     order by h.at, h.id""").execute(Tuple.of(community,
                    today.minusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                    today.plusDays(2).atStartOfDay(zone).toOffsetDateTime())).await().indefinitely()) {
                expected.add(row.getString("line"));
            }
            assertThat(expected).hasSizeGreaterThan(community.equals("HPL") ? 400 : 800);

            List<Map<String, Object>> rows = given().auth().oauth2(Tokens.staff(community)).accept("application/json")
                    .queryParam("community", community).queryParam("from", today.minusDays(1).toString())
                    .queryParam("to", today.plusDays(1).toString()).get("/api/ledger")
                    .then().statusCode(200).extract().jsonPath().getList("");
            assertThat(rows).extracting(row -> row.get("reportId") + "|" + Objects.toString(row.get("note"), "") + "|"
                    + row.get("toStatus")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theLedgerListsEveryChangeInOrderAsJsonAndAsCsv() {
        String reporter = Tokens.resident(REPORTER, COMMUNITY);
        String[] first = file(reporter, "corridor-lighting");
        String[] second = file(reporter, "noise");
        String[] third = file(reporter, "water");
        command(STAFF, first[0], "accept", "{\"note\":" + json(ACCEPT_NOTE) + "}").statusCode(200);
        command(STAFF, first[0], "assign", "{\"unit\":\"VOLUNTEER\",\"note\":" + json(ASSIGN_NOTE) + "}").statusCode(200);
        Set<String> mine = Set.of(first[1], second[1], third[1]);

        Response jsonAnswer = given().auth().oauth2(STAFF).accept("application/json")
                .queryParam("community", COMMUNITY).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString())
                .get("/api/ledger");
        jsonAnswer.then().statusCode(200).contentType("application/json");
        assertThat(jsonAnswer.asString()).doesNotContain(REPORTER);
        List<Map<String, Object>> rows = mine(jsonAnswer.jsonPath().getList("", Map.class), mine);

        assertThat(rows).extracting(row -> row.get("trackingNumber") + ":" + row.get("toStatus")).containsExactly(
                first[1] + ":RECEIVED", second[1] + ":RECEIVED", third[1] + ":RECEIVED", first[1] + ":ACCEPTED",
                first[1] + ":ASSIGNED");
        assertThat(rows.get(3)).containsEntry("fromStatus", "RECEIVED").containsEntry("note", ACCEPT_NOTE)
                .containsEntry("actorRole", "staff").containsEntry("itemCode", "corridor-lighting")
                .containsEntry("categoryCode", "LIFE").containsEntry("channel", "APP");
        assertThat(rows.get(4)).containsEntry("note", ASSIGN_NOTE).containsEntry("fromStatus", "ACCEPTED");
        assertThat(rows.get(1)).containsEntry("itemCode", "noise").containsEntry("actorRole", "resident");
        assertThat(rows).extracting(row -> Instant.parse((String) row.get("at"))).isSorted();
        assertThat(rows).as("each row names its report").extracting(row -> row.get("reportId"))
                .containsExactly(first[0], second[0], third[0], first[0], first[0]);

        Response csvAnswer = given().auth().oauth2(STAFF).accept("text/csv")
                .queryParam("community", COMMUNITY).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString())
                .get("/api/ledger");
        csvAnswer.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"ledger-" + COMMUNITY + "-"
                        + today.minusDays(1) + "-" + today.plusDays(1) + ".csv\""));
        byte[] bytes = csvAnswer.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> records = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(records.get(0)).containsExactly("时间 Time", "受理编号 Tracking number", "事项 Item",
                "类别 Category", "渠道 Channel", "原状态 From status", "新状态 To status", "操作角色 Actor role", "备注 Note",
                "反映编号 Report id");
        List<List<String>> csvRows = records.stream().skip(1).filter(record -> mine.contains(record.get(1))).toList();
        assertThat(csvRows).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> record = csvRows.get(i);
            Map<String, Object> row = rows.get(i);
            assertThat(OffsetDateTime.parse(record.get(0)).toInstant()).isEqualTo(Instant.parse((String) row.get("at")));
            for (int c = 1; c < COLUMNS.size(); c++) {
                assertThat(record.get(c)).isEqualTo(Objects.toString(row.get(COLUMNS.get(c)), ""));
            }
        }
        assertThat(csvRows.get(3).get(8)).isEqualTo(ACCEPT_NOTE);
        assertThat(csvRows.get(4).get(8)).isEqualTo(ASSIGN_NOTE);

        given().auth().oauth2(Tokens.supervisor("DCYJD")).accept("application/json")
                .queryParam("community", COMMUNITY).get("/api/ledger")
                .then().statusCode(200);
    }

    @Test
    void confidentialReportsShowOnlyTheirTrackingNumberAndStatusExceptToAdmin() {
        String[] whistle = file(Tokens.resident("whistle-ledger", COMMUNITY), "cadre-conduct");

        Map<String, Object> masked = only(given().auth().oauth2(STAFF).accept("application/json")
                .queryParam("community", COMMUNITY).get("/api/ledger"), whistle[1]);
        assertThat(masked).containsEntry("itemCode", "confidential").containsEntry("toStatus", "RECEIVED")
                .containsEntry("reportId", whistle[0])
                .containsEntry("note", null).containsEntry("categoryCode", null).containsEntry("channel", null)
                .containsEntry("actorRole", null);
        Map<String, Object> supervisorView = only(given().auth().oauth2(Tokens.supervisor("DCYJD"))
                .accept("application/json").queryParam("community", COMMUNITY).get("/api/ledger"), whistle[1]);
        assertThat(supervisorView).containsEntry("itemCode", "confidential");
        String csv = given().auth().oauth2(STAFF).accept("text/csv").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(200).extract().asString();
        assertThat(csv).contains(whistle[1] + ",confidential,,,,RECEIVED,,").doesNotContain("cadre-conduct");

        Map<String, Object> full = only(given().auth().oauth2(Tokens.admin()).accept("application/json")
                .queryParam("community", COMMUNITY).get("/api/ledger"), whistle[1]);
        assertThat(full).containsEntry("itemCode", "cadre-conduct").containsEntry("categoryCode", "ENFORCEMENT");
    }

    @Test
    void callersOutsideTheScopeAreRefused() {
        given().auth().oauth2(Tokens.staff("DCY")).accept("application/json").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.staff("DCY")).accept("text/csv").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.supervisor("OTHERJD")).accept("application/json").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(STAFF).accept("application/json").queryParam("community", "NOPE")
                .get("/api/ledger").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.resident(COMMUNITY)).accept("application/json").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.inspector()).accept("text/csv").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(403);
        given().accept("application/json").queryParam("community", COMMUNITY)
                .get("/api/ledger").then().statusCode(401);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        badRequest("application/json", Map.of("from", "2026-01-01", "to", "2026-01-31"), "community");
        badRequest("application/json", Map.of("community", COMMUNITY, "from", "2026-13-01"), "from");
        badRequest("text/csv", Map.of("community", COMMUNITY, "from", "2026-01-01", "to", "yesterday"), "to");
        badRequest("application/json", Map.of("community", COMMUNITY, "from", "2026-02-01", "to", "2026-01-01"), "to");
        badRequest("text/csv", Map.of("community", COMMUNITY, "from", "2025-01-01", "to", "2026-01-03"), "to");
        given().auth().oauth2(STAFF).accept("application/json")
                .queryParams(Map.of("community", COMMUNITY, "from", "2025-01-01", "to", "2026-01-02"))
                .get("/api/ledger").then().statusCode(200);
    }

    private void badRequest(String accept, Map<String, String> params, String field) {
        given().auth().oauth2(STAFF).accept(accept).queryParams(params).get("/api/ledger")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    /** Files a report and answers its id and tracking number. */
    private static String[] file(String reporter, String item) {
        Response answer = submit(reporter, report(item, COMMUNITY, "APP")).statusCode(201).extract().response();
        return new String[] { answer.path("id"), answer.path("trackingNumber") };
    }

    private static Map<String, Object> only(Response answer, String trackingNumber) {
        answer.then().statusCode(200);
        List<Map<String, Object>> rows = mine(answer.jsonPath().getList("", Map.class), Set.of(trackingNumber));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static List<Map<String, Object>> mine(List<Map> rows, Set<String> trackingNumbers) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map row : rows) {
            if (trackingNumbers.contains(row.get("trackingNumber"))) {
                result.add(row);
            }
        }
        return result;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** RFC 4180: records end in CRLF; a quoted field may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).isEmpty();
        assertThat(record).isEmpty();
        return records;
    }
}
