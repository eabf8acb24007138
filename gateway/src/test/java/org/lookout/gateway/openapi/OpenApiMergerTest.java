package org.lookout.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.gateway.routing.RouteTable;

import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    private final OpenApiMerger merger = new OpenApiMerger(RouteTable.of(List.of(
            route("complaints", "complaint-service", "/api/complaints"),
            route("escalations", "escalation-service", "/api/escalations"))));

    private static GatewayRoute route(String name, String upstream, String path) {
        return new GatewayRoute(name, List.of(path), upstream, URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
                Set.of(), "default", 1024);
    }

    private static JsonObject ref(String name) {
        return new JsonObject().put("$ref", "#/components/schemas/" + name);
    }

    private static JsonObject object(String... properties) {
        JsonObject props = new JsonObject();
        for (String property : properties) {
            props.put(property, new JsonObject().put("type", "string"));
        }
        return new JsonObject().put("type", "object").put("properties", props);
    }

    private static JsonObject document(String path, JsonObject responseSchema, JsonObject schemas) {
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject().put("content",
                                new JsonObject().put("application/json", new JsonObject().put("schema", responseSchema))))))))
                .put("components", new JsonObject().put("schemas", schemas));
    }

    private static Object schemaOf(JsonObject merged, String path) {
        return merged.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json").getValue("schema");
    }

    @Test
    void a_schema_name_two_services_give_different_shapes_is_split_and_each_path_keeps_its_own() {
        JsonObject merged = merger.merge(Map.of(
                "escalation-service", document("/api/escalations/{id}/notes",
                        new JsonObject().put("type", "array").put("items", ref("NoteView")),
                        new JsonObject().put("NoteView", object("agencyCode", "progress"))),
                "complaint-service", document("/api/complaints/{id}/notes", ref("NoteView"),
                        new JsonObject().put("NoteView", object("text")))), List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("NoteView")).isEqualTo(object("text"));
        assertThat(schemas.getJsonObject("escalation-service.NoteView")).isEqualTo(object("agencyCode", "progress"));
        assertThat(schemaOf(merged, "/api/complaints/{id}/notes")).isEqualTo(ref("NoteView"));
        assertThat(schemaOf(merged, "/api/escalations/{id}/notes"))
                .isEqualTo(new JsonObject().put("type", "array").put("items", ref("escalation-service.NoteView")));
        assertThat(merged.getJsonObject("x-lookout-gateway").getJsonArray("renamedComponents").getList()).containsExactly(
                "escalation-service #/components/schemas/NoteView -> #/components/schemas/escalation-service.NoteView");
    }

    @Test
    void a_schema_that_refers_to_a_renamed_one_is_renamed_too_even_when_its_own_text_is_the_same() {
        JsonObject page = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("notes", new JsonObject().put("type", "array").put("items", ref("NoteView"))));
        JsonObject merged = merger.merge(Map.of(
                "complaint-service", document("/api/complaints", ref("NotePage"),
                        new JsonObject().put("NotePage", page).put("NoteView", object("text"))),
                "escalation-service", document("/api/escalations", ref("NotePage"),
                        new JsonObject().put("NotePage", page.copy()).put("NoteView", object("progress")))), List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("NotePage", "NoteView", "escalation-service.NotePage",
                "escalation-service.NoteView");
        assertThat(schemas.getJsonObject("escalation-service.NotePage").encode())
                .contains("#/components/schemas/escalation-service.NoteView");
        assertThat(schemas.getJsonObject("NotePage").encode()).contains("\"#/components/schemas/NoteView\"");
        assertThat(schemaOf(merged, "/api/escalations")).isEqualTo(ref("escalation-service.NotePage"));
    }

    @Test
    void identical_schemas_are_kept_once_under_their_name() {
        JsonObject problem = object("title", "detail");
        JsonObject merged = merger.merge(Map.of(
                "complaint-service", document("/api/complaints", ref("Problem"), new JsonObject().put("Problem", problem)),
                "escalation-service", document("/api/escalations", ref("Problem"),
                        new JsonObject().put("Problem", problem.copy()))), List.of());

        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames()).containsExactly("Problem");
        assertThat(schemaOf(merged, "/api/escalations")).isEqualTo(ref("Problem"));
        assertThat(merged.getJsonObject("x-lookout-gateway").getJsonArray("renamedComponents")).isEmpty();
    }

    @Test
    void a_discriminator_mapping_and_a_pointer_into_a_renamed_schema_follow_the_rename() {
        JsonObject union = new JsonObject()
                .put("oneOf", new io.vertx.core.json.JsonArray().add(ref("NoteView")))
                .put("discriminator", new JsonObject().put("propertyName", "kind")
                        .put("mapping", new JsonObject().put("note", "#/components/schemas/NoteView")));
        JsonObject merged = merger.merge(Map.of(
                "complaint-service", document("/api/complaints", ref("NoteView"),
                        new JsonObject().put("NoteView", object("text"))),
                "escalation-service", document("/api/escalations",
                        new JsonObject().put("$ref", "#/components/schemas/NoteView/properties/progress"),
                        new JsonObject().put("NoteView", object("progress")).put("Union", union))), List.of());

        assertThat(schemaOf(merged, "/api/escalations")).isEqualTo(
                new JsonObject().put("$ref", "#/components/schemas/escalation-service.NoteView/properties/progress"));
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").getJsonObject("Union").encode())
                .doesNotContain("\"#/components/schemas/NoteView\"")
                .contains("\"note\":\"#/components/schemas/escalation-service.NoteView\"");
    }
}
