package org.lookout.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lookout.gateway.config.GatewayConfig;
import org.lookout.gateway.proxy.EdgeRouter;
import org.lookout.gateway.proxy.UpstreamClient;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: the services' OpenAPI documents merged into one, with only the paths the gateway routes
 * to the service that documents them ({@link OpenApiMerger}). Disagreements between routes and documents are listed
 * under {@code x-lookout-gateway} (paths no route reaches, route prefixes no document serves, services whose
 * document could not be read, components renamed apart), so a system test against the running stack can fail on them.
 */
@ApplicationScoped
public class MergedOpenApi {

    static final String PATH = "/openapi";
    private static final long FETCH_TIMEOUT_MILLIS = 3_000;

    private final GatewayConfig config;
    private final OpenApiMerger merger;
    private final UpstreamClient client;

    public MergedOpenApi(GatewayConfig config, EdgeRouter edge, UpstreamClient client) {
        this.config = config;
        this.merger = new OpenApiMerger(edge.routes());
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
                    .end(merger.merge(fetched, unavailable).toBuffer());
        });
    }

    private Future<JsonObject> fetch(GatewayConfig.Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.managementBase().getHost())
                .setPort(upstream.managementBase().getPort() > 0 ? upstream.managementBase().getPort() : 80)
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
}
