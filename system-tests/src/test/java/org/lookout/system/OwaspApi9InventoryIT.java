package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * OWASP API9:2023 Improper Inventory Management, on the real stack: every operation of each service's own OpenAPI
 * document is routed by the gateway (the same request answers the same through the gateway as directly — never the
 * gateway's "no route" 404); the gateway's merged document lists every path of every service; and paths no document
 * names (old versions, debug and admin leftovers, the framework's development pages) are 404 at each service and at the
 * gateway.
 */
class OwaspApi9InventoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_ID = UUID.randomUUID().toString();

    static Stream<Arguments> operations() {
        List<Arguments> cases = new ArrayList<>();
        for (LiveServices.Service service : LiveServices.all()) {
            for (Map.Entry<String, String> operation : LiveServices.operations(service)) {
                String method = operation.getKey();
                String path = operation.getValue();
                // an anonymous report spends the address's small public-intake bucket: the gateway's route table test
                // (gateway RoutingTest, PublicIntakeLimitsTest) shows it routed; the live stream never ends
                if (path.startsWith("/api/public/reports") || path.endsWith("/stream")) {
                    continue;
                }
                cases.add(Arguments.of(service.part(), method, path));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2} is routed by the gateway")
    @MethodSource("operations")
    void everyDocumentedOperationIsRoutedByTheGateway(String part, String method, String path) {
        String concrete = sample(path);
        String token = Stack.token("admin1");
        Response direct = given().baseUri(LiveServices.named(part).url()).urlEncodingEnabled(false).auth()
                .oauth2(token).accept("application/json").request(method, concrete);
        Response edge = given().baseUri(Stack.GATEWAY).urlEncodingEnabled(false).auth().oauth2(token)
                .accept("application/json").request(method, concrete);
        assertThat(edge.statusCode()).as(method + " " + concrete + " gateway " + edge.asString() + " / directly "
                + direct.statusCode()).isIn(direct.statusCode(), 429);
    }

    @ParameterizedTest(name = "{0}: its paths are all in the gateway's /openapi")
    @MethodSource("services")
    void theGatewaysDocumentListsEveryPathOfTheService(String part) throws Exception {
        JsonNode merged = JSON.readTree(given().baseUri(Stack.GATEWAY).accept("application/json").get("/openapi")
                .then().statusCode(200).extract().asString());
        Set<String> published = new TreeSet<>();
        merged.path("paths").fieldNames().forEachRemaining(published::add);
        Set<String> own = new TreeSet<>();
        LiveServices.named(part).openApi().path("paths").fieldNames().forEachRemaining(own::add);
        assertThat(own).isNotEmpty();
        assertThat(published).containsAll(own);
    }

    static Stream<String> services() {
        return LiveServices.all().stream().map(LiveServices.Service::part);
    }

    static Stream<Arguments> undocumented() {
        List<Arguments> cases = new ArrayList<>();
        List<String> paths = List.of("/api/v1/complaints", "/api/v2/complaints", "/v1/api/complaints", "/api/admin",
                "/api/debug", "/api/internal", "/api/test", "/api/complaints/export", "/api/users", "/graphql",
                "/q/dev-ui", "/q/dev", "/q/swagger-ui", "/swagger-ui", "/openapi.json", "/api-docs", "/h2-console",
                "/api/complaints.json", "/q/metrics", "/q/health", "/q/openapi");
        for (LiveServices.Service service : LiveServices.all()) {
            // the management endpoints live on the management interface (HTTP port + 1000), never the API's port;
            for (String path : paths) {
                cases.add(Arguments.of(service.part(), service.url(), path));
            }
        }
        for (String path : paths) {
            cases.add(Arguments.of("gateway", Stack.GATEWAY, path));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2} → 404")
    @MethodSource("undocumented")
    void anUndocumentedPathIsNotServed(String where, String base, String path) {
        Response answer = given().baseUri(base).urlEncodingEnabled(false).auth().oauth2(Stack.token("admin1"))
                .get(path);
        assertThat(answer.statusCode()).as(where + " " + path + ": " + answer.asString()).isIn(404, 405);
    }

    /** The path with a harmless value in each template: ids that exist nowhere, a date long past, codes no one has. */
    static String sample(String path) {
        Matcher template = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (template.find()) {
            String name = template.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = name.equals("format") ? "json"
                    : name.contains("date") ? "1999-01-01"
                    : name.equals("number") ? "DCY-1999-000001"
                    : name.contains("id") || name.equals("d") ? SAMPLE_ID
                    : "zz-none";
            template.appendReplacement(concrete, Matcher.quoteReplacement(value));
        }
        template.appendTail(concrete);
        return concrete.toString();
    }
}
