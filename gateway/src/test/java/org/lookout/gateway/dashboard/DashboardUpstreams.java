package org.lookout.gateway.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.lookout.gateway.FakeUpstreams;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One real HTTP server standing in for every service the dashboard reads, answering in the services' shapes: the
 * month's statistics per community and per category, the SLA board (one breached clock), a worklist of one breached
 * report and that report. {@code /__last} tells the last request's URI and {@code Authorization} header. Community
 * {@code XHY}'s board answers 503 (a service down), report {@link #MISSING_REPORT} 404.
 */
public class DashboardUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String BREACHED_REPORT = "5b1e7a40-2f7c-4d55-9a51-3c2f0e9d7a01";
    static final String MISSING_REPORT = "00000000-0000-4000-8000-000000000404";
    static final String TRACKING_NUMBER = "DCY-2026-000042";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        JsonObject[] last = {new JsonObject()};
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> handle(request, last))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        Map<String, String> config = new HashMap<>();
        for (String service : FakeUpstreams.SERVICES) {
            config.put("lookout.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + server.actualPort());
            config.put("lookout.gateway.upstreams." + service + ".management-url", "http://127.0.0.1:" + server.actualPort());
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static void handle(HttpServerRequest request, JsonObject[] last) {
        String path = request.path();
        if (path.equals("/__last")) {
            json(request, 200, last[0]);
            return;
        }
        if (!path.startsWith("/q/")) {
            last[0] = new JsonObject().put("uri", request.uri()).put("authorization", request.getHeader("Authorization"));
        }
        switch (path) {
            case "/q/health/live" -> json(request, 200, new JsonObject().put("status", "UP"));
            case "/api/statistics" -> json(request, 200, "community".equals(request.getParam("groupBy"))
                    ? statistics("community", group("DCY", "东朝阳路南社区", "Dongchaoyang Road South", 4, 3, 4),
                            group("DCN", "东朝阳路北社区", "Dongchaoyang Road North", 2, 0, 0))
                    : statistics("category", group("LIFE", "社会生活", "Social life", 5, 2, 3),
                            group("SERVICE", "社会服务", "Social services", 1, 1, 1)));
            case "/api/escalations/board" -> {
                if ("XHY".equals(request.getParam("community"))) {
                    request.response().setStatusCode(503).end();
                } else {
                    json(request, 200, board());
                }
            }
            case "/api/complaints" -> json(request, 200, new JsonArray().add(report()));
            default -> {
                if (path.equals("/api/complaints/" + BREACHED_REPORT)) {
                    json(request, 200, report());
                } else {
                    request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                            .end(new JsonObject().put("status", 404).encode());
                }
            }
        }
    }

    private static void json(HttpServerRequest request, int status, Object body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject object ? object.toBuffer() : ((JsonArray) body).toBuffer());
    }

    private static JsonObject statistics(String groupBy, JsonObject... groups) {
        long count = 0;
        for (JsonObject group : groups) {
            count += group.getLong("count");
        }
        return new JsonObject().put("scope", "DCYJD").put("scopeKind", "street").put("groupBy", groupBy)
                .put("total", new JsonObject().put("count", count).put("response", rate(3, 6))
                        .put("resolution", rate(3, 6)).put("satisfaction", rate(1, 2)))
                .put("groups", new JsonArray(java.util.List.of((Object[]) groups)));
    }

    private static JsonObject group(String key, String labelZh, String labelEn, long count, long onSite, long due) {
        return new JsonObject().put("key", key).put("labelZh", labelZh).put("labelEn", labelEn).put("count", count)
                .put("response", rate(onSite, due)).put("resolution", rate(onSite, due))
                .put("satisfaction", rate(0, 0));
    }

    private static JsonObject rate(long numerator, long denominator) {
        return new JsonObject().put("numerator", numerator).put("denominator", denominator)
                .put("rate", denominator == 0 ? null : Math.round(10_000.0 * numerator / denominator) / 10_000.0);
    }

    private static JsonObject board() {
        return new JsonObject().put("at", "2026-12-06T04:00:00Z").put("street", "DCYJD")
                .put("totals", new JsonObject().put("openReports", 7).put("warned", 1).put("breached", 1)
                        .put("escalationsWaiting", 2).put("escalationsOverdue", 0))
                .put("clocks", new JsonArray().add(new JsonObject().put("reportId", BREACHED_REPORT)
                        .put("communityCode", "DCY").put("itemCode", "water").put("kind", "RESOLUTION")
                        .put("risk", "BREACHED").put("state", "BREACHED").put("dueAt", "2026-12-03T10:00:00Z")
                        .put("breachedAt", "2026-12-03T10:00:00Z")))
                .put("communities", new JsonArray()
                        .add(new JsonObject().put("communityCode", "DCY").put("openReports", 5).put("breached", 1))
                        .add(new JsonObject().put("communityCode", "DCN").put("openReports", 2).put("breached", 0)));
    }

    private static JsonObject report() {
        return new JsonObject().put("id", BREACHED_REPORT).put("trackingNumber", TRACKING_NUMBER)
                .put("status", "ACCEPTED").put("itemCode", "water").put("categoryCode", "LIFE")
                .put("communityCode", "DCY").put("title", "Leak in corridor <b>3</b>").put("channel", "APP")
                .put("location", new JsonObject().put("address", "东朝阳路 12 号"))
                .put("receivedAt", "2026-12-01T02:00:00Z").put("responseDueAt", "2026-12-01T10:00:00Z")
                .put("resolutionDueAt", "2026-12-03T10:00:00Z").put("resolutionBreachedAt", "2026-12-03T10:00:00Z")
                .put("dueAt", "2026-12-03T10:00:00Z");
    }
}
