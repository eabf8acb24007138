package org.lookout.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.open311.Open311Client.BASE;
import static org.lookout.complaint.open311.Open311Client.children;
import static org.lookout.complaint.open311.Open311Client.form;
import static org.lookout.complaint.open311.Open311Client.get;
import static org.lookout.complaint.open311.Open311Client.post;
import static org.lookout.complaint.open311.Open311Client.text;
import static org.lookout.complaint.open311.Open311Client.validJson;
import static org.lookout.complaint.open311.Open311Client.validXml;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.testsupport.RealInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.w3c.dom.Element;

/**
 * Bad input to the Open311 endpoint gets the spec's error shape (a list of {code, description}) in the format the path
 * asks for, with 404 for what does not exist, 403 for the key, 400 for the rest; never a 5xx, never a report.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class Open311BadInputTest {

    private static String key;

    /** One client key for all cases, issued on first use (the application is up by then). */
    private static String key() {
        if (key == null) {
            key = Open311Client.issueKey("bad input test app");
        }
        return key;
    }

    /** A valid request for water in DCY, with fields replaced or added by the case. */
    static String water(String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("api_key", key());
        fields.put("service_code", "water");
        fields.put("lat", Open311FlowTest.LAT);
        fields.put("long", Open311FlowTest.LONG);
        fields.put("attribute[FLOOR]", "3");
        fields.put("attribute[ANYONE_HOME]", "yes");
        fields.put("description", "Bad input case");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                fields.remove(overrides[i]);
            } else {
                fields.put(overrides[i], overrides[i + 1]);
            }
        }
        return form(fields.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    private static String[] cells(String... overrides) {
        return overrides;
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown service code", cells("service_code", "no-such-service"), 404, "service_code"),
                Arguments.of("a confidential item is no service", cells("service_code", "cadre-conduct"), 404,
                        "service_code"),
                Arguments.of("no service code", cells("service_code", null), 400, "service_code"),
                Arguments.of("missing required attribute", cells("attribute[FLOOR]", null), 400, "attribute[FLOOR]"),
                Arguments.of("value outside the singlevaluelist", cells("attribute[ANYONE_HOME]", "maybe"), 400,
                        "attribute[ANYONE_HOME]"),
                Arguments.of("a number that is none", cells("attribute[FLOOR]", "fourth"), 400, "attribute[FLOOR]"),
                Arguments.of("an attribute the service does not ask", cells("attribute[COLOUR]", "red"), 400,
                        "attribute[COLOUR]"),
                Arguments.of("location outside every community", cells("lat", "39.95", "long", "116.45"), 400, "lat"),
                Arguments.of("lat without long", cells("long", null), 400, "long"),
                Arguments.of("no location at all", cells("lat", null, "long", null), 400, "lat"),
                Arguments.of("an address naming no community", cells("lat", null, "long", null, "address_string",
                        "1 Infinite Loop"), 400, "address_string"),
                Arguments.of("missing key", cells("api_key", null), 403, "api_key"),
                Arguments.of("wrong key", cells("api_key", "o311_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 403, "api_key"),
                Arguments.of("unknown jurisdiction", cells("jurisdiction_id", "NOWHERE"), 404, "jurisdiction_id"),
                Arguments.of("a description over 4,000 characters", cells("description", "x".repeat(4001)), 400,
                        "description"),
                Arguments.of("a NUL in the description", cells("description", "a\u0000b"), 400, "description"),
                Arguments.of("an email that is none", cells("email", "not-an-email"), 400, "email"),
                Arguments.of("media that is no web address", cells("media_url", "file:///etc/passwd"), 400,
                        "media_url"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badRequests")
    void badRequestsAreTheSpecsErrors(String name, String[] overrides, int status, String field) {
        String body = water(overrides);
        long reports = ComplaintDatabase.number("select count(*) from report");
        Response xml = post("xml", body);
        xml.then().statusCode(status);
        Element error = children(validXml(xml, "errors", "error", Set.of("code", "description"))).getFirst();
        assertThat(text(error, "code")).isEqualTo(Integer.toString(status));
        assertThat(text(error, "description")).contains(field);

        Response json = post("json", body);
        json.then().statusCode(status);
        JsonNode errors = validJson(json, "errors");
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(status);
        assertThat(ComplaintDatabase.number("select count(*) from report")).as("no report filed").isEqualTo(reports);
    }

    @Test
    void aTenMegabyteDescriptionIsRefusedBeforeItIsRead() {
        String body = water("description", "漏".repeat(10 * 1024 * 1024 / 9));
        assertThat(body.length()).isGreaterThan(10_000_000);
        Response xml = post("xml", body);
        xml.then().statusCode(400);
        assertThat(text(children(validXml(xml, "errors", "error", Set.of("code", "description"))).getFirst(),
                "description")).contains("larger than 1048576 bytes");
        Response json = post("json", body);
        json.then().statusCode(400);
        validJson(json, "errors");
    }

    @Test
    void aBodyThatIsNoFormIsRefused() {
        Response wrongType = given().contentType("application/json").body("{\"api_key\":\"" + key() + "\"}")
                .post(BASE + "requests.json");
        wrongType.then().statusCode(400);
        assertThat(validJson(wrongType, "errors").get(0).path("description").asText()).startsWith("Content-Type");
        Response brokenEscape = given().contentType("application/x-www-form-urlencoded")
                .body("api_key=" + key() + "&description=%zz").post(BASE + "requests.xml");
        brokenEscape.then().statusCode(400);
        validXml(brokenEscape, "errors", "error", null);
        Response overlong = given().contentType("application/x-www-form-urlencoded")
                .body("api_key=" + key() + "&description=%C0%80").post(BASE + "requests.json");
        overlong.then().statusCode(400);
        validJson(overlong, "errors");
    }

    static Stream<Arguments> badReads() {
        return Stream.of(
                Arguments.of("services.html", 404),
                Arguments.of("no-such-resource.json", 404),
                Arguments.of("services/no-such-service.xml", 404),
                Arguments.of("requests/NOPE-2026-000001.json", 404),
                Arguments.of("tokens/not-a-uuid.json", 404),
                Arguments.of("tokens/00000000-0000-0000-0000-000000000000.xml", 404),
                Arguments.of("services.json?jurisdiction_id=NOWHERE", 404),
                Arguments.of("requests.json?status=pending", 400),
                Arguments.of("requests.json?start_date=yesterday", 400),
                Arguments.of("requests.json?start_date=2026-01-01T00:00:00", 400),
                Arguments.of("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400),
                Arguments.of("requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", 400),
                Arguments.of("servicerequestupdates.json?end_date=2999-01-01T00:00:00Z", 400),
                Arguments.of("servicerequestupdates.xml?start_date=%00", 400));
    }

    @ParameterizedTest(name = "GET {0} → {1}")
    @MethodSource("badReads")
    void badReadsAreTheSpecsErrors(String path, int status) {
        Response response = get(path);
        response.then().statusCode(status);
        if (path.contains(".json")) {
            assertThat(validJson(response, "errors").get(0).path("code").asInt()).isEqualTo(status);
        } else {
            validXml(response, "errors", "error", Set.of("code", "description"));
        }
    }
}
