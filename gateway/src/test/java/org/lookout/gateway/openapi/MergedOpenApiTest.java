package org.lookout.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.FakeUpstreams;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@GatewayTestResources
class MergedOpenApiTest {

    @Test
    void openapi_merges_the_routed_paths_of_every_service() {
        JsonPath doc = given().when().get("/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths").keySet()).contains("/api/complaints/{id}", "/api/taxonomy", "/api/cadres",
                "/api/calendar/{year}", "/api/notifications", "/open311/v2/requests.json");
        assertThat(doc.getMap("components.schemas").keySet())
                .contains("Problem", "complaintserviceThing", "notificationserviceThing");
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
    }

    @Test
    void a_path_a_service_documents_but_the_gateway_does_not_route_is_reported_and_left_out() {
        JsonPath doc = given().when().get("/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths").keySet()).doesNotContain("/internal/complaint-debug");
        assertThat(doc.getList("x-lookout-gateway.unroutedPaths", String.class))
                .containsExactly("complaint-service /internal/complaint-debug");
    }

    @Test
    void a_prefix_the_gateway_routes_but_no_service_documents_is_reported() {
        JsonPath doc = given().when().get("/openapi").then().statusCode(200).extract().jsonPath();
        List<String> unserved = doc.getList("x-lookout-gateway.unservedPrefixes", String.class);
        assertThat(unserved).contains("test-slow /api/test-slow", "complaint-attachments /api/complaints/*/attachments")
                .doesNotContain("complaints /api/complaints", "calendar /api/calendar", "cadres /api/notices");
        assertThat(doc.getList("x-lookout-gateway.unavailableUpstreams", String.class)).containsExactly("down-service");
    }

    @Test
    void two_services_schemas_with_one_name_both_survive_and_each_path_keeps_its_own() {
        JsonObject doc = new JsonObject(given().when().get("/openapi").then().statusCode(200).extract().asString());
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        // complaint-service comes first by name and keeps the name; escalation-service's shape is renamed apart
        assertThat(schemas.getJsonObject("NoteView")).isEqualTo(FakeUpstreams.NOTE_VIEWS.get("complaint-service"));
        assertThat(schemas.getJsonObject("escalation-service.NoteView"))
                .isEqualTo(FakeUpstreams.NOTE_VIEWS.get("escalation-service"));
        assertThat(responseSchemaRef(doc, "/api/complaints")).isEqualTo("#/components/schemas/NoteView");
        assertThat(responseSchemaRef(doc, "/api/escalations")).isEqualTo("#/components/schemas/escalation-service.NoteView");
        // identical schemas (every fake's Problem) are kept once, under their name
        assertThat(schemas.fieldNames()).contains("Problem").noneMatch(name -> name.endsWith(".Problem"));
        assertThat(doc.getJsonObject("x-lookout-gateway").getJsonArray("renamedComponents").getList()).containsExactly(
                "escalation-service #/components/schemas/NoteView -> #/components/schemas/escalation-service.NoteView");
    }

    private static String responseSchemaRef(JsonObject doc, String path) {
        return doc.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref");
    }

    @Test
    void swagger_ui_is_served_at_docs() {
        given().redirects().follow(true).when().get("/docs/").then().statusCode(200);
    }
}
