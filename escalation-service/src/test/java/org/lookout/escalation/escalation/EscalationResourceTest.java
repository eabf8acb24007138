package org.lookout.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_COMMUNITY;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_REASON;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_STREET;
import static org.lookout.escalation.EscalationFixtures.ESCALATION;
import static org.lookout.escalation.EscalationFixtures.ESCALATIONS;
import static org.lookout.escalation.EscalationFixtures.PROBLEM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Manual escalations (staff of the report's community, supervisors of its street) and who reads escalations. */
@QuarkusTest
@EscalationTestResources
class EscalationResourceTest {

    @Test
    void staffEscalateAReportOfTheirCommunityAndTheOpenedEventCarriesNoReason() {
        String reportId = EscalationFixtures.knownReport();

        String location = given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON)
                .body(EscalationFixtures.manual(reportId, List.of("police-dcy"), null))
                .when().post(ESCALATIONS)
                .then().statusCode(201)
                .body("reportId", equalTo(reportId))
                .body("trigger", equalTo("MANUAL"))
                .body("status", equalTo("OPEN"))
                .body("leadAgencyCode", equalTo("police-dcy"))
                .body("workingDays", equalTo(3))
                .body("streetCode", equalTo(DEFAULT_STREET))
                .body("parts[0].agencyCode", equalTo("police-dcy"))
                .body("parts[0].lead", equalTo(true))
                .body("parts[0].status", equalTo("OPEN"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith(ESCALATIONS + "/" + id);

        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).when().get(location)
                .then().statusCode(200).body("reason", equalTo(DEFAULT_REASON));

        ConsumerRecord<String, String> opened = EscalationFixtures.published(reportId, id, 1,
                EventType.ESCALATION_OPENED).getFirst();
        JsonNode data = EscalationFixtures.data(opened);
        ContractAssertions.assertMatchesGoldenSample(EventType.ESCALATION_OPENED, data);
        assertThat(data.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(data.get("agencies").get(0).get("agencyKind").asText()).isEqualTo("POLICE_STATION");
        assertThat(opened.value()).doesNotContain(DEFAULT_REASON).doesNotContain("reporterRef");
    }

    @Test
    void aSupervisorEscalatesJointlyWithinTheirStreet() {
        String reportId = EscalationFixtures.knownReport();

        given().auth().oauth2(Tokens.supervisor(DEFAULT_STREET)).contentType(ContentType.JSON)
                .body(EscalationFixtures.manual(reportId, List.of("market-dcy", "psb-district"), "psb-district"))
                .when().post(ESCALATIONS)
                .then().statusCode(201)
                .body("leadAgencyCode", equalTo("psb-district"))
                .body("parts[0].agencyCode", equalTo("psb-district"))
                .body("parts[0].lead", equalTo(true))
                .body("parts[1].agencyCode", equalTo("market-dcy"))
                .body("parts[1].lead", equalTo(false));
    }

    @Test
    void outsideTheCallersScopeIs404AndAnUnknownReport422() {
        String reportId = EscalationFixtures.knownReport();
        Map<String, Object> body = EscalationFixtures.manual(reportId, List.of("police-dcy"), null);

        for (String token : new String[] { Tokens.staff("XHY-other"), Tokens.supervisor("OTHERJD") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post(ESCALATIONS).then().statusCode(404).contentType(PROBLEM);
        }
        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON)
                .body(EscalationFixtures.manual(UUID.randomUUID().toString(), List.of("police-dcy"), null))
                .when().post(ESCALATIONS)
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("reportId"));
    }

    @Test
    void badFieldsAreNamed() {
        String reportId = EscalationFixtures.knownReport();

        assertField(withField(reportId, "reason", null), 400, "reason");
        assertField(withField(reportId, "reason", "x".repeat(2001)), 400, "reason");
        assertField(withField(reportId, "dueInWorkingDays", 61), 400, "dueInWorkingDays");
        assertField(withField(reportId, "dueInWorkingDays", 0), 400, "dueInWorkingDays");
        assertField(withField(reportId, "agencies", List.of()), 400, "agencies");
        assertField(EscalationFixtures.manual(reportId, List.of("police-dcy", "market-dcy"), null), 400, "lead");
        assertField(EscalationFixtures.manual(reportId, List.of("police-dcy"), "market-dcy"), 400, "lead");
        assertField(EscalationFixtures.manual(reportId, List.of("police-dcy", "police-dcy"), "police-dcy"), 400,
                "agencies");
        assertField(EscalationFixtures.manual(reportId, List.of("police-dcy", "no-such-agency"), "police-dcy"), 422,
                "agencies[1]");
    }

    @Test
    void aSecondManualEscalationWhileOneIsOpenIs409() {
        String reportId = EscalationFixtures.knownReport();
        EscalationFixtures.escalate(reportId, List.of("police-dcy"), null);

        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON)
                .body(EscalationFixtures.manual(reportId, List.of("market-dcy"), null))
                .when().post(ESCALATIONS).then().statusCode(409).contentType(PROBLEM);
    }

    /**
     * Eight threads released together by a barrier, three reports in a row: requests race past the check for an open
     * escalation, and the unique index stops all but one (its failure arrives wrapped by Hibernate Reactive).
     */
    @Test
    void manualEscalationsOfOneReportPostedAtOnceOpenOneAndRefuseTheRestWith409() throws Exception {
        int posts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        try {
            for (int round = 0; round < 3; round++) {
                String reportId = EscalationFixtures.knownReport();
                String token = Tokens.staff(DEFAULT_COMMUNITY);
                CyclicBarrier start = new CyclicBarrier(posts);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < posts; i++) {
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return given().auth().oauth2(token).contentType(ContentType.JSON)
                                .body(EscalationFixtures.manual(reportId, List.of("police-dcy"), null))
                                .when().post(ESCALATIONS);
                    }));
                }
                List<String> answered = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    answered.add(response.statusCode() + " " + response.contentType() + " "
                            + (response.statusCode() == 201 ? "" : response.jsonPath().getString("detail")));
                }

                String refused = "409 " + PROBLEM + " report " + reportId + " already has an open manual escalation";
                assertThat(answered).as("round %d", round).filteredOn(answer -> answer.startsWith("201 ")).hasSize(1);
                assertThat(answered).as("round %d", round).filteredOn(answer -> !answer.startsWith("201 "))
                        .hasSize(posts - 1).containsOnly(refused);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String reportId = EscalationFixtures.knownReport();
        Map<String, Object> body = EscalationFixtures.manual(reportId, List.of("police-dcy"), null);
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post(ESCALATIONS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post(ESCALATIONS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(Tokens.admin()).queryParam("reportId", reportId).when().get(ESCALATIONS)
                .then().statusCode(200).body("findAll { it.trigger == 'MANUAL' }.id", contains(first));
    }

    @Test
    void eachReaderSeesOnlyTheirEscalations() {
        String reportId = EscalationFixtures.knownReport();
        String id = EscalationFixtures.escalate(reportId, List.of("police-dcy"), null);

        for (String token : new String[] { Tokens.staff(DEFAULT_COMMUNITY), Tokens.supervisor(DEFAULT_STREET),
                Tokens.agency("police-dcy"), Tokens.admin() }) {
            given().auth().oauth2(token).when().get(ESCALATION, id).then().statusCode(200).body("id", equalTo(id));
            given().auth().oauth2(token).queryParam("reportId", reportId).when().get(ESCALATIONS)
                    .then().statusCode(200).body("id", hasItem(id));
        }
        for (String token : new String[] { Tokens.staff("QNJ"), Tokens.supervisor("OTHERJD"),
                Tokens.agency("market-dcy"), Tokens.inspector() }) {
            given().auth().oauth2(token).when().get(ESCALATION, id).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token).queryParam("reportId", reportId).when().get(ESCALATIONS)
                    .then().statusCode(200).body("id", not(hasItem(id)));
        }
        given().auth().oauth2(Tokens.admin()).when().get(ESCALATION, UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theListFiltersByStatusAndReport() {
        String reportId = EscalationFixtures.knownReport();
        String id = EscalationFixtures.escalate(reportId, List.of("police-dcy"), null);

        JsonPath open = given().auth().oauth2(Tokens.admin()).queryParam("status", "OPEN")
                .queryParam("reportId", reportId).when().get(ESCALATIONS).then().statusCode(200).extract().jsonPath();
        assertThat(open.getList("id")).containsExactly(id);
        assertThat(open.getList("status")).containsOnly("OPEN");
        assertThat(open.getList("notes")).containsOnlyNulls();
        given().auth().oauth2(Tokens.admin()).queryParam("status", "RESOLVED").queryParam("reportId", reportId)
                .when().get(ESCALATIONS).then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.admin()).queryParam("status", "LOST")
                .when().get(ESCALATIONS).then().statusCode(400).contentType(PROBLEM).body("errors[0].field",
                        equalTo("status"));
    }

    @Test
    void theListPagesNewestFirstAndThePagesTogetherAreTheWholeList() {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(EscalationFixtures.newEscalation("police-dcy"));
        }
        List<String> whole = given().auth().oauth2(Tokens.admin()).queryParam("limit", 200).when().get(ESCALATIONS)
                .then().statusCode(200).header("Link", org.hamcrest.Matchers.nullValue()).extract().jsonPath()
                .getList("id");
        // newest first by opening time (other classes' escalations may be opened at fixed later instants)
        assertThat(whole).as("newest first").containsSubsequence(opened.reversed());

        List<String> paged = new ArrayList<>();
        String next = ESCALATIONS + "?limit=2";
        String later = null;
        while (next != null) {
            Response page = given().auth().oauth2(Tokens.admin()).when().get(next).then().statusCode(200).extract()
                    .response();
            List<String> ids = page.jsonPath().getList("id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            paged.addAll(ids);
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (later == null) {
                // opened between pages: a keyset cursor moves nothing already listed or still to come; the new one
                // shows on a later page only if it sorts after the cursor (other classes' escalations may be opened
                // at fixed later instants, so "now" is not always the newest)
                later = EscalationFixtures.newEscalation("police-dcy");
            }
        }
        String openedBetweenPages = later;
        assertThat(paged).as("no escalation twice").doesNotHaveDuplicates();
        assertThat(paged.stream().filter(id -> !id.equals(openedBetweenPages)).toList())
                .as("the pages of 2, one after the other, are the list").containsExactlyElementsOf(whole);

        for (String limit : new String[] { "0", "201", "-1", "ten", "1.5" }) {
            given().auth().oauth2(Tokens.admin()).queryParam("limit", limit).when().get(ESCALATIONS)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        }
        for (String cursor : new String[] { "not-a-cursor", "bm90fGE", "MjAyNi0wMS0wMVQwMDowMDowMFp8eA" }) {
            given().auth().oauth2(Tokens.admin()).queryParam("cursor", cursor).when().get(ESCALATIONS)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void otherRolesAreRefused() {
        Map<String, Object> body = EscalationFixtures.manual(UUID.randomUUID().toString(), List.of("police-dcy"), null);
        for (String token : new String[] { Tokens.resident(DEFAULT_COMMUNITY), Tokens.lookout(DEFAULT_COMMUNITY),
                Tokens.inspector(), Tokens.agency("police-dcy"), Tokens.admin() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post(ESCALATIONS).then().statusCode(403).contentType(PROBLEM);
        }
        for (String token : new String[] { Tokens.resident(DEFAULT_COMMUNITY), Tokens.lookout(DEFAULT_COMMUNITY) }) {
            given().auth().oauth2(token).when().get(ESCALATIONS).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).when().get(ESCALATION, UUID.randomUUID()).then().statusCode(403);
        }
        given().when().get(ESCALATIONS).then().statusCode(401).contentType(PROBLEM);
    }

    private static Map<String, Object> withField(String reportId, String field, Object value) {
        Map<String, Object> body = EscalationFixtures.manual(reportId, List.of("police-dcy"), null);
        body.put(field, value);
        return body;
    }

    private static void assertField(Map<String, Object> body, int status, String field) {
        given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON).body(body)
                .when().post(ESCALATIONS)
                .then().statusCode(status).contentType(PROBLEM).body("errors.field", hasItem(field));
    }
}
