package org.lookout.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Four real HTTP servers standing in for the services, on random ports, plus one address where nothing
 * listens. Each answers any request with a JSON echo of what it received (method, uri, headers, body size,
 * counted while streaming, never buffered); {@code /__seen} tells how many requests reached it; paths containing
 * {@code /slow} answer after 2 s; paths ending in {@code /download} stream {@code ?bytes=} bytes back. A request
 * with {@code X-Fake-Location} (or {@code X-Fake-Content-Location}) is answered 201 with that header as
 * {@code Location} ({@code Content-Location}), {@code {self}} replaced by the fake's own base URL, as a service
 * builds links from its own address.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("complaint-service", "cadre-registry-service",
            "escalation-service", "notification-service");

    /** The path each fake service's OpenAPI document declares, beside one path the gateway does not route. */
    public static final Map<String, List<String>> DOCUMENTED_PATHS = Map.of(
            "complaint-service", List.of("/api/complaints", "/api/complaints/{id}", "/api/taxonomy",
                    "/api/statistics", "/api/ledger", "/open311/v2/requests.json", "/internal/complaint-debug"),
            "cadre-registry-service", List.of("/api/cadres", "/api/notices"),
            "escalation-service", List.of("/api/escalations", "/api/agencies", "/api/calendar/{year}"),
            "notification-service", List.of("/api/notifications", "/api/subscriptions"));

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = startServer(service);
            config.put("lookout.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + server.actualPort());
            config.put("lookout.gateway.upstreams." + service + ".management-url",
                    "http://127.0.0.1:" + server.actualPort());
        }
        config.put("lookout.gateway.upstreams.down-service.url", "http://127.0.0.1:" + closedPort());

        // routes that exist only in tests: a dead upstream, a slow one, and a tiny rate limit
        config.put("lookout.gateway.routes.test-down.paths", "/api/test-down");
        config.put("lookout.gateway.routes.test-down.upstream", "down-service");
        config.put("lookout.gateway.routes.test-slow.paths", "/api/test-slow");
        config.put("lookout.gateway.routes.test-slow.upstream", "complaint-service");
        config.put("lookout.gateway.routes.test-slow.timeout", "300ms");
        config.put("lookout.gateway.routes.test-limited.paths", "/api/test-limited");
        config.put("lookout.gateway.routes.test-limited.upstream", "complaint-service");
        config.put("lookout.gateway.routes.test-limited.public-methods", "GET");
        config.put("lookout.gateway.routes.test-limited.rate-limit", "tiny");
        config.put("lookout.gateway.rate-limits.tiny.capacity", "2");
        config.put("lookout.gateway.rate-limits.tiny.period", "1h");
        // a strict route inside a general one, like complaint-tracking inside complaints
        config.put("lookout.gateway.routes.test-general.paths", "/api/test-general");
        config.put("lookout.gateway.routes.test-general.upstream", "complaint-service");
        config.put("lookout.gateway.routes.test-general.public-methods", "GET");
        config.put("lookout.gateway.routes.test-strict.paths", "/api/test-general/strict");
        config.put("lookout.gateway.routes.test-strict.upstream", "complaint-service");
        config.put("lookout.gateway.routes.test-strict.public-methods", "GET");
        config.put("lookout.gateway.routes.test-strict.rate-limit", "tiny-strict");
        config.put("lookout.gateway.rate-limits.tiny-strict.capacity", "2");
        config.put("lookout.gateway.rate-limits.tiny-strict.period", "1h");
        // a route limited per client generously and per community (query parameter) tightly
        config.put("lookout.gateway.routes.test-community.paths", "/api/test-community");
        config.put("lookout.gateway.routes.test-community.upstream", "complaint-service");
        config.put("lookout.gateway.routes.test-community.public-methods", "GET");
        config.put("lookout.gateway.routes.test-community.community-rate-limit", "tiny-community");
        config.put("lookout.gateway.rate-limits.tiny-community.capacity", "3");
        config.put("lookout.gateway.rate-limits.tiny-community.period", "1h");
        // limited per client key too, like the Open311 route (api_key in the query or the form body)
        config.put("lookout.gateway.routes.test-keyed.paths", "/api/test-keyed");
        config.put("lookout.gateway.routes.test-keyed.upstream", "complaint-service");
        config.put("lookout.gateway.routes.test-keyed.public-methods", "GET,POST");
        config.put("lookout.gateway.routes.test-keyed.key-rate-limit", "tiny-key");
        config.put("lookout.gateway.rate-limits.tiny-key.capacity", "2");
        config.put("lookout.gateway.rate-limits.tiny-key.period", "1h");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private HttpServer startServer(String service) {
        AtomicLong seen = new AtomicLong();
        HttpServer[] server = new HttpServer[1];
        server[0] = vertx.createHttpServer()
                .requestHandler(request -> handle(service, "http://127.0.0.1:" + server[0].actualPort(), seen, request))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        return server[0];
    }

    private void handle(String service, String self, AtomicLong seen, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health/live")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(service).toBuffer());
            return;
        }
        if (path.equals("/__seen")) {
            request.response().end(Long.toString(seen.get()));
            return;
        }
        seen.incrementAndGet();
        if (path.endsWith("/download")) {
            download(request);
            return;
        }
        AtomicLong bodyBytes = new AtomicLong();
        request.handler(chunk -> bodyBytes.addAndGet(chunk.length()));
        request.endHandler(v -> {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(name -> headers.put(name.toLowerCase(), String.join(",", request.headers().getAll(name))));
            JsonObject echo = new JsonObject()
                    .put("upstream", service)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyBytes", bodyBytes.get());
            long delay = path.contains("/slow") ? 2_000 : 0;
            String location = request.getHeader("X-Fake-Location");
            String contentLocation = request.getHeader("X-Fake-Content-Location");
            if (location != null) {
                request.response().setStatusCode(201).putHeader("Location", location.replace("{self}", self));
            }
            if (contentLocation != null) {
                request.response().putHeader("Content-Location", contentLocation.replace("{self}", self));
            }
            Runnable answer = () -> request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", service)
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Connection", "keep-alive, X-Hop-Secret")
                    .putHeader("X-Hop-Secret", "only-for-the-next-hop")
                    .end(echo.toBuffer());
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private void download(HttpServerRequest request) {
        long total = Long.parseLong(request.getParam("bytes", "1048576"));
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        var response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        long[] sent = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (sent[0] < total && !response.writeQueueFull()) {
                int size = (int) Math.min(chunk.length(), total - sent[0]);
                response.write(size == chunk.length() ? chunk : chunk.slice(0, size));
                sent[0] += size;
            }
            if (sent[0] >= total) {
                response.end();
            } else {
                response.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    /**
     * Two services define a schema {@code NoteView} each, with different shapes (as complaint-service and
     * escalation-service do), and answer their first documented path with it.
     */
    public static final Map<String, JsonObject> NOTE_VIEWS = Map.of(
            "complaint-service", new JsonObject().put("type", "object").put("properties", new JsonObject()
                    .put("text", new JsonObject().put("type", "string"))
                    .put("visibleToReporter", new JsonObject().put("type", "boolean"))),
            "escalation-service", new JsonObject().put("type", "object").put("properties", new JsonObject()
                    .put("agencyCode", new JsonObject().put("type", "string"))
                    .put("progress", new JsonObject().put("type", "string"))));

    private static JsonObject openApi(String service) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject()
                .put("Problem", new JsonObject().put("type", "object"))
                .put(service.replace("-", "") + "Thing", new JsonObject().put("type", "object"));
        for (String path : DOCUMENTED_PATHS.get(service)) {
            JsonObject ok = new JsonObject().put("description", "OK");
            if (NOTE_VIEWS.containsKey(service) && path.equals(DOCUMENTED_PATHS.get(service).get(0))) {
                ok.put("content", new JsonObject().put("application/json", new JsonObject().put("schema",
                        new JsonObject().put("$ref", "#/components/schemas/NoteView"))));
                schemas.put("NoteView", NOTE_VIEWS.get(service));
            }
            paths.put(path, new JsonObject().put("get", new JsonObject()
                    .put("operationId", service + path.replace('/', '_'))
                    .put("responses", new JsonObject().put("200", ok))));
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
