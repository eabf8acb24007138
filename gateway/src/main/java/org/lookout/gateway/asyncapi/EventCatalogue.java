package org.lookout.gateway.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The event catalogue for integrators, beside the OpenAPI docs: {@code GET /asyncapi.yaml} (the AsyncAPI 3.0 document of
 * event-contracts, byte for byte), {@code GET /schemas/<type>.schema.json} (the JSON Schemas it references as
 * {@code ./schemas/…}, so a tool that loads the document from here resolves them) and {@code GET /docs/events} (the same
 * as a page, rendered here once at start-up, self-contained: no script, nothing loaded from anywhere else). Public, like
 * {@code /openapi} and {@code /docs}; all read from the class path, never from the request.
 */
@ApplicationScoped
public class EventCatalogue {

    static final String DOCUMENT_PATH = "/asyncapi.yaml";
    static final String PAGE_PATH = "/docs/events";
    static final String SCHEMAS_PATH = "/schemas/";
    private static final String RESOURCES = "contracts/";
    private static final Pattern SCHEMA_REF = Pattern.compile("\\./schemas/([a-z0-9.-]+\\.schema\\.json)");
    /** Before Swagger UI's handler of {@code /docs/*}, after the edge checks and authentication. */
    private static final int ORDER = -10;
    /** The page may style itself and show nothing from elsewhere: no script, no frame, no remote resource. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private final Buffer document;
    private final Map<String, Buffer> schemas = new TreeMap<>();
    private final Buffer page;

    public EventCatalogue() {
        byte[] yaml = read(RESOURCES + "asyncapi.yaml");
        this.document = Buffer.buffer(yaml);
        Matcher refs = SCHEMA_REF.matcher(new String(yaml, StandardCharsets.UTF_8));
        while (refs.find()) {
            schemas.computeIfAbsent(refs.group(1), name -> Buffer.buffer(read(RESOURCES + "schemas/" + name)));
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode parsed = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            Map<String, JsonNode> parsedSchemas = new TreeMap<>();
            for (Map.Entry<String, Buffer> schema : schemas.entrySet()) {
                parsedSchemas.put(schema.getKey(), json.readTree(schema.getValue().getBytes()));
            }
            this.page = Buffer.buffer(EventCataloguePage.render(parsed, parsedSchemas), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("the AsyncAPI document of event-contracts does not parse", e);
        }
    }

    void install(@Observes Router router) {
        router.get(DOCUMENT_PATH).order(ORDER).handler(ctx -> send(ctx, "application/yaml; charset=utf-8", document));
        router.get(PAGE_PATH).order(ORDER).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", PAGE_POLICY);
            send(ctx, "text/html; charset=utf-8", page);
        });
        router.get(SCHEMAS_PATH + ":name").order(ORDER).handler(ctx -> {
            Buffer schema = schemas.get(ctx.pathParam("name"));
            if (schema == null) {
                ctx.next();
                return;
            }
            send(ctx, "application/schema+json", schema);
        });
    }

    /** The schemas served, by file name. */
    Map<String, Buffer> schemas() {
        return schemas;
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .end(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("event-contracts has no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
