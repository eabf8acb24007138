package org.lookout.system;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The four services of the running stack, reached directly on 127.0.0.1 (not through the gateway): their HTTP URL
 * ({@code LOOKOUT_<PART>_URL}, else {@code LOOKOUT_<PART>_PORT} of deploy/services.tsv, else its default port) and
 * their OpenAPI document, read from the management interface (HTTP port + 1000) or, before that move, the HTTP port.
 */
final class LiveServices {

    /** One service: the part name ./lookout uses, its module and where it answers. */
    public record Service(String part, String module, String url, int port) {

        /** The service's OpenAPI document (JSON), from whichever of its two ports serves it. */
        public JsonNode openApi() {
            return OPENAPI.computeIfAbsent(part, ignored -> readOpenApi(this));
        }

        @Override
        public String toString() {
            return part;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> OPENAPI = new java.util.concurrent.ConcurrentHashMap<>();

    public static final String GATEWAY = env("LOOKOUT_GATEWAY_URL", "http://127.0.0.1:8080");
    public static final String KEYCLOAK = env("LOOKOUT_KEYCLOAK_URL", "http://127.0.0.1:18180");

    private LiveServices() {
    }

    /** complaint, cadre, escalation, notification: every service behind the gateway. */
    public static List<Service> all() {
        List<Service> services = new ArrayList<>();
        for (String line : table()) {
            String[] cells = line.split("\t");
            if ("gateway".equals(cells[0])) {
                continue;
            }
            String port = env(cells[4], cells[2]);
            String url = env("LOOKOUT_" + cells[0].toUpperCase(java.util.Locale.ROOT) + "_URL",
                    "http://127.0.0.1:" + port);
            services.add(new Service(cells[0], cells[1], url, Integer.parseInt(url.replaceAll(".*:(\\d+).*", "$1"))));
        }
        return services;
    }

    public static Service named(String part) {
        return all().stream().filter(service -> service.part().equals(part)).findFirst().orElseThrow();
    }

    /** Every operation of a service's OpenAPI document: method → path, in document order. */
    public static List<Map.Entry<String, String>> operations(Service service) {
        List<Map.Entry<String, String>> operations = new ArrayList<>();
        service.openApi().path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                operations.add(Map.entry(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey()));
            }
        }));
        return operations;
    }

    private static JsonNode readOpenApi(Service service) {
        Map<String, String> tried = new LinkedHashMap<>();
        for (int port : new int[] { service.port() + 1000, service.port() }) {
            String url = "http://127.0.0.1:" + port + "/q/openapi?format=json";
            try {
                var response = given().accept("application/json").get(url);
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.asString());
                }
                tried.put(url, String.valueOf(response.statusCode()));
            } catch (Exception e) {
                tried.put(url, e.getClass().getSimpleName());
            }
        }
        throw new IllegalStateException(service.part() + ": no OpenAPI document: " + tried);
    }

    private static List<String> table() {
        String root = System.getenv("LOOKOUT_ROOT");
        if (root == null || root.isBlank()) {
            root = System.getProperty("lookout.root", "..");
        }
        try {
            return Files.readAllLines(Path.of(root, "deploy/services.tsv")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
