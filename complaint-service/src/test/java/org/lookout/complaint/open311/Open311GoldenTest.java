package org.lookout.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.open311.Open311Client.assertGolden;
import static org.lookout.complaint.open311.Open311Client.children;
import static org.lookout.complaint.open311.Open311Client.form;
import static org.lookout.complaint.open311.Open311Client.get;
import static org.lookout.complaint.open311.Open311Client.post;
import static org.lookout.complaint.open311.Open311Client.text;
import static org.lookout.complaint.open311.Open311Client.validJson;
import static org.lookout.complaint.open311.Open311Client.validXml;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.complaint.config.MovableClock;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * Every resource in both formats against its golden document, byte for byte (src/test/resources/open311/golden; ids
 * and times that differ from run to run are placeholders filled with the values of this run), every JSON answer valid
 * against its schema, every XML answer with the spec's element names and nesting.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class Open311GoldenTest {

    /** When the golden request is filed: 10:00 in Beijing. */
    private static final Instant FILED_AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final String W3C = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void discovery() {
        Response xml = get("discovery.xml");
        String changeset = text(validXml(xml, "discovery", null, null), "changeset");
        assertThat(changeset).matches(W3C);
        assertGolden("discovery.xml", xml, Map.of("changeset", changeset));
        Response json = get("discovery.json");
        validJson(json, "discovery");
        assertGolden("discovery.json", json, Map.of("changeset", changeset));
    }

    @Test
    void servicesInEnglishAndChinese() {
        Response xml = get("services.xml");
        validXml(xml, "services", "service", Set.of("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group"));
        Map<String, String> days = resolutionDays();
        assertGolden("services.xml", xml, days);
        Response json = get("services.json");
        JsonNode services = validJson(json, "services");
        assertThat(services.findValuesAsText("service_code")).hasSize(22).doesNotContain("cadre-conduct");
        assertGolden("services.json", json, days);
        Response chinese = io.restassured.RestAssured.given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .get(Open311Client.BASE + "services.json");
        validJson(chinese, "services");
        assertGolden("services.zh.json", chinese, days);
    }

    @Test
    void serviceDefinitionWithEveryKindOfAttribute() {
        Response xml = get("services/noise.xml");
        validXml(xml, "service_definition", null, null);
        assertGolden("definition-noise.xml", xml, Map.of());
        Response json = get("services/noise.json");
        validJson(json, "service-definition");
        assertGolden("definition-noise.json", json, Map.of());
        Response none = get("services/roads-facilities.json");
        validJson(none, "service-definition");
        assertGolden("definition-without-attributes.json", none, Map.of());
    }

    @Test
    void aRequestFromItsFilingThroughItsUpdates() {
        String key = Open311Client.issueKey("golden test app");
        clock.set(FILED_AT);
        Response created = post("xml", form("api_key", key, "service_code", "corridor-lighting", "lat", "39.9250",
                "long", "116.5100", "address_string", "东朝阳路北社区 7号楼 2单元", "attribute[FLOOR]", "6",
                "description", "The stairwell light on the 6th floor is out.\nIt has been dark for a week.",
                "media_url", "https://photos.example.org/7-2-6.jpg", "account_id", "golden-account"));
        created.then().statusCode(201);
        String id = text(children(validXml(created, "service_requests", "request", null)).getFirst(),
                "service_request_id");
        assertThat(id).startsWith("DCN-2026-");
        Map<String, String> values = Map.of("id", id);
        assertGolden("created.xml", created, values);

        Response xml = get("requests/" + id + ".xml");
        validXml(xml, "service_requests", "request", null);
        assertGolden("request.xml", xml, values);
        Response json = get("requests/" + id + ".json");
        validJson(json, "service-requests");
        assertGolden("request.json", json, values);

        String reportId = ComplaintDatabase.strings("select id from report where tracking_number = ?", id).getFirst();
        Response token = get("tokens/" + reportId + ".json");
        validJson(token, "token");
        assertGolden("token.json", token, Map.of("id", id, "token", reportId));
        Response tokenXml = get("tokens/" + reportId + ".xml");
        validXml(tokenXml, "service_requests", "request", Set.of("service_request_id", "token"));
        assertGolden("token.xml", tokenXml, Map.of("id", id, "token", reportId));

        clock.set(FILED_AT.plusSeconds(3600));
        command(Tokens.staff("DCN"), reportId, "accept", "{}").statusCode(200);
        clock.reset();
        // a change is listed when the feed is next read, at that moment: in the window of the poll after this one
        get("servicerequestupdates.json?end_date=" + Instant.now()).then().statusCode(200);
        Instant now = Open311Client.notBeforeAnsweredWindows();
        String window = "servicerequestupdates.%s?start_date=" + now.minusSeconds(600) + "&end_date="
                + now.plusSeconds(1);
        Response updatesXml = get(window.formatted("xml"));
        validXml(updatesXml, "service_request_updates", "request_update", Set.of("update_id", "service_request_id",
                "status", "updated_datetime", "description", "media_url", "external_status_code"));
        Response updates = get(window.formatted("json"));
        JsonNode ours = java.util.stream.StreamSupport.stream(validJson(updates, "service-request-updates").spliterator(),
                false).filter(update -> id.equals(update.path("service_request_id").asText())).findFirst().orElseThrow();
        assertThat(ours.path("updated_datetime").asText()).matches(W3C);
        Map<String, String> update = Map.of("id", id, "update_id", ours.path("update_id").asText(), "listed",
                ours.path("updated_datetime").asText());
        assertGolden("update.json", oneUpdate(updates, id), update);
        assertGolden("update.xml", oneUpdate(updatesXml, id), update);
    }

    @Test
    void errorsInBothFormats() {
        Response xml = post("xml", form("api_key", "o311_not-a-key", "service_code", "water", "lat", "39.92", "long",
                "116.51"));
        xml.then().statusCode(403);
        validXml(xml, "errors", "error", Set.of("code", "description"));
        assertGolden("error-403.xml", xml, Map.of());
        Response json = get("services/no-such-service.json");
        json.then().statusCode(404);
        validJson(json, "errors");
        assertGolden("error-404.json", json, Map.of());
    }

    /** Each item's resolution target as it stands: other tests edit them (the golden holds {@code ${days:code}}). */
    private static Map<String, String> resolutionDays() {
        Map<String, String> days = new java.util.HashMap<>();
        for (String row : ComplaintDatabase.strings("select code || '=' || resolution_days from taxonomy_item")) {
            days.put("days:" + row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        return days;
    }

    /** The answer cut down to the one update of this request: the feed holds other tests' updates too. */
    private static Response oneUpdate(Response feed, String id) {
        String body = feed.asString();
        String only;
        if (feed.contentType().startsWith("text/xml")) {
            int at = body.indexOf("<service_request_id>" + id + "</service_request_id>");
            int start = body.lastIndexOf("  <request_update>", at);
            int end = body.indexOf("</request_update>\n", at) + "</request_update>\n".length();
            only = body.substring(0, body.indexOf("<service_request_updates>")) + "<service_request_updates>\n"
                    + body.substring(start, end) + "</service_request_updates>\n";
        } else {
            int at = body.indexOf("\"service_request_id\" : \"" + id + "\"");
            int start = body.lastIndexOf("  {", at);
            int end = body.indexOf("  }", at) + "  }".length();
            only = "[\n" + body.substring(start, end) + "\n]\n";
        }
        return fake(feed, only);
    }

    private static Response fake(Response real, String body) {
        return new io.restassured.builder.ResponseBuilder().clone(real).setBody(body).build();
    }
}
