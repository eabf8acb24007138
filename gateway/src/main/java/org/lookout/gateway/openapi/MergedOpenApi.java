package org.lookout.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lookout.gateway.config.GatewayConfig;
import org.lookout.gateway.proxy.EdgeRouter;
import org.lookout.gateway.proxy.UpstreamClient;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.gateway.routing.RouteTable;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: the services' OpenAPI documents merged into one, with only the paths the gateway routes
 * to the service that documents them. Disagreements between routes and documents are listed under
 * {@code x-lookout-gateway} (paths no route reaches, route prefixes no document serves, services whose
 * document could not be read), so a system test against the running stack can fail on them.
 */
@ApplicationScoped
public class MergedOpenApi {

    static final String PATH = "/openapi";
    private static final long FETCH_TIMEOUT_MILLIS = 3_000;

    private final GatewayConfig config;
    private final RouteTable routes;
    private final UpstreamClient client;

    public MergedOpenApi(GatewayConfig config, EdgeRouter edge, UpstreamClient client) {
        this.config = config;
        this.routes = edge.routes();
        this.client = client;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        List<String> names = new ArrayList<>(config.upstreams().keySet());
        List<Future<JsonObject>> documents = names.stream().map(name -> fetch(config.upstreams().get(name))).toList();
        Future.join(documents).onComplete(done -> {
            Map<String, JsonObject> fetched = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (documents.get(i).succeeded()) {
                    fetched.put(names.get(i), documents.get(i).result());
                }
            }
            List<String> unavailable = names.stream().filter(n -> !fetched.containsKey(n)).sorted().toList();
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(merge(fetched, unavailable).toBuffer());
        });
    }

    JsonObject merge(Map<String, JsonObject> documents, List<String> unavailable) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        List<String> unrouted = new ArrayList<>();
        List<String> schemaConflicts = new ArrayList<>();
        documents.forEach((upstream, document) -> {
            document.getJsonObject("paths", new JsonObject()).forEach(entry -> {
                Optional<GatewayRoute> route = routes.match(entry.getKey());
                if (route.isPresent() && route.get().upstream().equals(upstream)) {
                    paths.put(entry.getKey(), entry.getValue());
                } else {
                    unrouted.add(upstream + " " + entry.getKey());
                }
            });
            JsonObject components = document.getJsonObject("components", new JsonObject());
            components.getJsonObject("schemas", new JsonObject()).forEach(schema -> {
                Object known = schemas.getValue(schema.getKey());
                if (known == null) {
                    schemas.put(schema.getKey(), schema.getValue());
                } else if (!known.equals(schema.getValue())) {
                    schemaConflicts.add(upstream + " " + schema.getKey());
                }
            });
        });

        List<String> unserved = new ArrayList<>();
        for (GatewayRoute route : routes.routes()) {
            JsonObject document = documents.get(route.upstream());
            if (document == null) {
                continue;
            }
            for (String prefix : route.paths()) {
                boolean served = document.getJsonObject("paths", new JsonObject()).fieldNames().stream()
                        .anyMatch(path -> RouteTable.covers(prefix, path));
                if (!served) {
                    unserved.add(route.name() + " " + prefix);
                }
            }
        }

        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Lookout API").put("version", "1")
                        .put("description", "Every Lookout service's API as the gateway exposes it."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("paths", sorted(paths))
                .put("components", new JsonObject()
                        .put("schemas", sorted(schemas))
                        .put("securitySchemes", new JsonObject().put("bearer", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
                .put("x-lookout-gateway", new JsonObject()
                        .put("unroutedPaths", new JsonArray(unrouted.stream().sorted().toList()))
                        .put("unservedPrefixes", new JsonArray(unserved.stream().sorted().toList()))
                        .put("unavailableUpstreams", new JsonArray(unavailable))
                        .put("schemaConflicts", new JsonArray(schemaConflicts.stream().sorted().toList())));
    }

    private Future<JsonObject> fetch(GatewayConfig.Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.url().getHost())
                .setPort(upstream.url().getPort() > 0 ? upstream.url().getPort() : 80)
                .setURI(upstream.openapiPath())
                .setConnectTimeout(FETCH_TIMEOUT_MILLIS)
                .setIdleTimeout(FETCH_TIMEOUT_MILLIS)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return client.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> body.toJsonObject());
    }

    private static JsonObject sorted(JsonObject object) {
        return new JsonObject(new TreeMap<>(object.getMap()));
    }
}
