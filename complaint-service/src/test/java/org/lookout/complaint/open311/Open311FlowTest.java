package org.lookout.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.open311.Open311Client.children;
import static org.lookout.complaint.open311.Open311Client.form;
import static org.lookout.complaint.open311.Open311Client.get;
import static org.lookout.complaint.open311.Open311Client.post;
import static org.lookout.complaint.open311.Open311Client.text;
import static org.lookout.complaint.open311.Open311Client.validJson;
import static org.lookout.complaint.open311.Open311Client.validXml;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.w3c.dom.Element;

/**
 * The whole way an Open311 app goes: discovery → services → the definition → POST with attributes → GET the request →
 * staff resolve it through Lookout's REST API and write a public note → the request shows closed with that note → the
 * changes are in servicerequestupdates.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class Open311FlowTest {

    /** Inside the seeded boundary of DCY (东朝阳路南社区). */
    static final String LAT = "39.9185";
    static final String LONG = "116.5120";
    private static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

    @Test
    void anAppFilesARequestAndFollowsItToItsPublicResolution() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);

        JsonNode discovery = validJson(get("discovery.json"), "discovery");
        assertThat(discovery.path("endpoints").findValuesAsText("type")).containsExactly("production", "test");
        assertThat(discovery.path("endpoints").get(0).path("formats").toString())
                .isEqualTo("[\"text/xml\",\"application/json\"]");

        Element services = validXml(get("services.xml"), "services", "service", null);
        Element water = children(services).stream().filter(service -> "water".equals(text(service, "service_code")))
                .findFirst().orElseThrow();
        assertThat(text(water, "metadata")).isEqualTo("true");
        assertThat(text(water, "service_name")).isEqualTo("Water supply and leaks");

        JsonNode definition = validJson(get("services/water.json"), "service-definition");
        assertThat(definition.path("attributes").findValuesAsText("code")).containsExactly("FLOOR", "ANYONE_HOME");

        String key = Open311Client.issueKey("flow test app");
        Response created = post("xml", form("api_key", key, "service_code", "water", "lat", LAT, "long", LONG,
                "address_string", "3号楼 东朝阳路南社区", "attribute[FLOOR]", "4", "attribute[ANYONE_HOME]", "no",
                "description", "Water is coming through the ceiling of the flat below.", "first_name", "Flow",
                "last_name", "Tester-PII", "phone", "+86 (10) 5555-0101", "email", "flow-pii@example.org",
                "device_id", "device-pii-1", "account_id", "acct-42"));
        created.then().statusCode(201);
        Element createdRoot = validXml(created, "service_requests", "request",
                Set.of("service_request_id", "service_notice", "account_id"));
        Element receipt = children(createdRoot).getFirst();
        String id = text(receipt, "service_request_id");
        assertThat(id).matches("DCY-\\d{4}-\\d{6}");
        assertThat(text(receipt, "account_id")).isEqualTo("acct-42");
        assertThat(text(receipt, "service_notice")).contains("within 2 working days");

        JsonNode filed = validJson(get("requests/" + id + ".json"), "service-requests").get(0);
        assertThat(filed.path("status").asText()).isEqualTo("open");
        assertThat(filed.path("service_code").asText()).isEqualTo("water");
        assertThat(filed.path("agency_responsible").asText()).isEqualTo("Dongchaoyang Road South");
        assertThat(filed.path("description").asText()).isEqualTo("Water is coming through the ceiling of the flat below.");
        assertThat(filed.path("lat").asDouble()).isEqualTo(39.9185);
        assertThat(filed.toString()).doesNotContain("Tester-PII", "flow-pii", "5555", "device-pii");

        String reportId = ComplaintDatabase.strings("select id from report where tracking_number = ?", id).getFirst();
        assertThat(ComplaintDatabase.number("select count(*) from reporter_identity where report_id = ?::uuid",
                reportId)).isEqualTo(1);
        assertThat(ComplaintDatabase.number("select count(*) from report_history h join report r on r.id = h.report_id"
                + " where r.tracking_number = ? and h.actor_role = 'open311'", id)).isEqualTo(1);
        assertThat(ComplaintDatabase.outboxEvents(reportId, EventType.COMPLAINT_SUBMITTED)).isEqualTo(1);
        assertThat(ComplaintDatabase.number("select count(*) from outbox_event where partition_key = ? and ("
                + "payload::text like '%PII%' or payload::text like '%5555%' or payload::text like '%pii%')",
                reportId)).isZero();

        String staff = Tokens.staff("DCY");
        command(staff, reportId, "accept", "{}").statusCode(200);
        command(staff, reportId, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        command(staff, reportId, "resolve", "{\"result\":\"pipe in flat 3-2 (owner Wang) replaced\"}").statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"text\":\"internal: owner's mobile on file\",\"visibility\":\"INTERNAL\"}")
                .post("/api/complaints/" + reportId + "/notes").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"text\":\"The leaking pipe was replaced.\",\"visibility\":\"PUBLIC\"}")
                .post("/api/complaints/" + reportId + "/notes").then().statusCode(201);

        Element resolved = children(validXml(get("requests/" + id + ".xml"), "service_requests", "request",
                REQUEST_FIELDS)).getFirst();
        assertThat(text(resolved, "status")).isEqualTo("closed");
        assertThat(text(resolved, "status_notes")).isEqualTo("The leaking pipe was replaced.");

        Instant after = Open311Client.notBeforeAnsweredWindows().plusSeconds(1);
        JsonNode updates = validJson(get("servicerequestupdates.json?start_date=" + before + "&end_date=" + after),
                "service-request-updates");
        List<JsonNode> ours = java.util.stream.StreamSupport.stream(updates.spliterator(), false)
                .filter(update -> id.equals(update.path("service_request_id").asText())).toList();
        assertThat(ours).extracting(update -> update.path("external_status_code").asText())
                .containsExactly("ACCEPTED", "RESPONDED", "RESOLVED", "RESOLVED");
        assertThat(ours).extracting(update -> update.path("status").asText())
                .containsExactly("open", "open", "closed", "closed");
        assertThat(ours.get(3).path("description").asText()).isEqualTo("The leaking pipe was replaced.");
        assertThat(updates.toString()).doesNotContain("internal:", "owner Wang");
    }
}
