package org.lookout.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lookout.complaint.open311.Open311Client.form;
import static org.lookout.complaint.open311.Open311Client.get;
import static org.lookout.complaint.open311.Open311Client.post;
import static org.lookout.complaint.open311.Open311Client.validJson;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What admin sets up for Open311: client keys (shown once, stored hashed, revocable), an item's questions (its
 * attributes) and a community's boundary (where requests by coordinates land); and a client's retry with the same
 * Idempotency-Key files one request.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class Open311AdminTest {

    private static final String PROPERTY_QUESTIONS = """
            {"questions":[{"code":"COMPANY","datatype":"string","required":false,"promptZh":"物业公司名称",
             "promptEn":"Name of the property management company","hintZh":null,"hintEn":null,"options":[]}]}""";

    @Test
    void aKeyIsShownOnceStoredHashedAndRevocable() {
        Response issued = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"City 12345 hotline\"}").post("/api/open311/keys");
        issued.then().statusCode(201).header("Cache-Control", "no-store");
        String key = issued.path("key");
        String id = issued.path("id");
        assertThat(key).startsWith("o311_").hasSize(37);
        assertThat(ComplaintDatabase.number("select count(*) from open311_api_key where key_prefix = ?"
                + " and key_hash = sha256(convert_to(?, 'UTF8'))", key.substring(0, 9), key)).isEqualTo(1);
        assertThat(ComplaintDatabase.strings("select encode(key_hash, 'escape') from open311_api_key where id = ?::uuid",
                id).getFirst()).doesNotContain(key.substring(5));
        given().auth().oauth2(Tokens.admin()).get("/api/open311/keys").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.keyPrefix", equalTo(key.substring(0, 9)))
                .body("find { it.id == '" + id + "' }.key", equalTo(null));

        String body = form("api_key", key, "service_code", "noise", "lat", Open311FlowTest.LAT, "long",
                Open311FlowTest.LONG, "attribute[NOISE_SOURCES][]", "music", "attribute[NOISE_SOURCES][]", "pets",
                "attribute[STARTED_AT]", "2026-02-13T22:00:00+08:00");
        String number = post("json", body).then().statusCode(201).extract().path("[0].service_request_id");
        assertThat(ComplaintDatabase.strings("select o.answers::text from open311_request o join report r"
                + " on r.id = o.report_id where r.tracking_number = ?", number).getFirst())
                .contains("\"NOISE_SOURCES\": [\"music\", \"pets\"]");
        String reportId = ComplaintDatabase.strings("select id from report where tracking_number = ?", number).getFirst();
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + reportId + "/open311").then()
                .statusCode(200).body("client", equalTo("City 12345 hotline"))
                .body("answers.find { it.code == 'NOISE_SOURCES' }.values", org.hamcrest.Matchers.contains("music", "pets"))
                .body("answers.find { it.code == 'STARTED_AT' }.promptEn", equalTo("Since when has it been going on?"));
        given().auth().oauth2(Tokens.staff("XHY")).get("/api/complaints/" + reportId + "/open311").then()
                .statusCode(404);

        given().auth().oauth2(Tokens.admin()).post("/api/open311/keys/" + id + "/revoke").then().statusCode(200)
                .body("revokedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.admin()).post("/api/open311/keys/" + id + "/revoke").then().statusCode(409);
        post("json", body).then().statusCode(403);
    }

    @Test
    void anAdminsQuestionsAreTheServicesAttributes() {
        String asSeeded = given().get("/api/taxonomy/items/property-management/questions").then().statusCode(200)
                .extract().asString();
        try {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                    {"questions":[{"code":"BUILDING_AGE","datatype":"singlevaluelist","required":true,
                      "promptZh":"楼龄","promptEn":"How old is the building?",
                      "options":[{"key":"old","nameZh":"老旧小区","nameEn":"Before 2000"},
                                 {"key":"new","nameZh":"新建小区","nameEn":"2000 or later"}]}]}""")
                    .put("/api/taxonomy/items/property-management/questions").then().statusCode(200)
                    .body("[0].code", equalTo("BUILDING_AGE")).body("[0].datatype", equalTo("singlevaluelist"));
            JsonNode definition = validJson(get("services/property-management.json"), "service-definition");
            assertThat(definition.path("attributes").get(0).path("values").findValuesAsText("name"))
                    .containsExactly("Before 2000", "2000 or later");
            given().auth().oauth2(Tokens.admin()).get("/api/taxonomy/items/property-management/questions/audit")
                    .then().statusCode(200).body("[0].after[0].code", equalTo("BUILDING_AGE"))
                    .body("[0].before[0].code", equalTo("COMPANY"));

            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                    {"questions":[{"code":"A","datatype":"singlevaluelist","required":true,"promptZh":"问",
                      "promptEn":"Q","options":[]}]}""").put("/api/taxonomy/items/property-management/questions")
                    .then().statusCode(400).body("errors[0].field", equalTo("questions[0].options"));
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                    {"questions":[{"code":"lower","datatype":"text","required":true,"promptZh":"问","promptEn":"Q"}]}""")
                    .put("/api/taxonomy/items/property-management/questions").then().statusCode(400)
                    .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("code")));
            given().auth().oauth2(Tokens.staff("DCY")).contentType(ContentType.JSON).body(PROPERTY_QUESTIONS)
                    .put("/api/taxonomy/items/property-management/questions").then().statusCode(403);
        } finally {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(PROPERTY_QUESTIONS)
                    .put("/api/taxonomy/items/property-management/questions").then().statusCode(200);
        }
        assertThat(asSeeded).contains("COMPANY");
    }

    @Test
    void aRedrawnBoundaryMovesWhereARequestLands() {
        String seeded = given().auth().oauth2(Tokens.admin()).get("/api/taxonomy/communities/QNJ/boundary").then()
                .statusCode(200).body("type", equalTo("Polygon")).extract().asString();
        String key = Open311Client.issueKey("boundary test app");
        // east of every seeded community: outside until QNJ is drawn to reach it
        String outside = form("api_key", key, "service_code", "markets", "lat", "39.9260", "long", "116.5300");
        post("json", outside).then().statusCode(400);
        try {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                    {"type":"Polygon","coordinates":[[[116.5158,39.9218],[116.5400,39.9221],[116.5400,39.9290],
                     [116.5160,39.9290],[116.5158,39.9218]]]}""").put("/api/taxonomy/communities/QNJ/boundary")
                    .then().statusCode(200);
            String number = post("json", outside).then().statusCode(201).extract().path("[0].service_request_id");
            assertThat(number).startsWith("QNJ-");
            given().auth().oauth2(Tokens.admin()).queryParam("communityCode", "QNJ")
                    .get("/api/taxonomy/communities/audit").then().statusCode(200)
                    .body("[0].after.boundary.coordinates[0][1][0]", equalTo(116.54f));

            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                    {"type":"Polygon","coordinates":[[[116.50,39.92],[116.52,39.93],[116.52,39.92],[116.50,39.93],
                     [116.50,39.92]]]}""").put("/api/taxonomy/communities/QNJ/boundary").then().statusCode(400)
                    .body("errors[0].field", equalTo("coordinates"));
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"type\":\"Point\",\"coordinates\":[116.5,39.9]}")
                    .put("/api/taxonomy/communities/QNJ/boundary").then().statusCode(400)
                    .body("errors[0].field", equalTo("type"));
        } finally {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(seeded)
                    .put("/api/taxonomy/communities/QNJ/boundary").then().statusCode(200);
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFilesOneRequest() {
        String key = Open311Client.issueKey("retrying app");
        String body = form("api_key", key, "service_code", "parking-traffic", "lat", Open311FlowTest.LAT, "long",
                Open311FlowTest.LONG, "description", "A van blocks the fire lane");
        long before = ComplaintDatabase.number("select count(*) from report where channel = 'OPEN311'");
        String first = given().contentType("application/x-www-form-urlencoded").header("Idempotency-Key", "retry-1-" + key)
                .body(body).post(Open311Client.BASE + "requests.xml").then().statusCode(201).extract().asString();
        Response again = given().contentType("application/x-www-form-urlencoded").header("Idempotency-Key", "retry-1-" + key)
                .body(body).post(Open311Client.BASE + "requests.xml");
        again.then().statusCode(201).header("Idempotent-Replayed", "true").contentType(Open311Client.XML)
                .header("Location", org.hamcrest.Matchers.endsWith(".xml"));
        assertThat(again.asString()).isEqualTo(first);
        assertThat(ComplaintDatabase.number("select count(*) from report where channel = 'OPEN311'"))
                .isEqualTo(before + 1);

        // a refusal is kept too (an answer without Location): the retry gets the same spec-shaped error
        String keyless = body.replace("api_key=" + key, "api_key=");
        String refused = given().contentType("application/x-www-form-urlencoded").header("Idempotency-Key", "retry-2-" + key)
                .body(keyless).post(Open311Client.BASE + "requests.json").then().statusCode(403).extract().asString();
        given().contentType("application/x-www-form-urlencoded").header("Idempotency-Key", "retry-2-" + key)
                .body(keyless).post(Open311Client.BASE + "requests.json").then().statusCode(403)
                .header("Idempotent-Replayed", "true").contentType(Open311Client.JSON)
                .body(equalTo(refused));
    }
}
