package org.lookout.gateway.proxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * One service in three instances, for {@link UpstreamInstancesTest}: two real HTTP servers that answer with their name
 * ({@code X-Instance: one|two}) and a {@code Location} on their own address, and, between them, an address where
 * nothing listens. Route {@code /api/test-balanced} goes to them.
 */
public class BalancedUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String one = "http://127.0.0.1:" + start("one").actualPort();
        String two = "http://127.0.0.1:" + start("two").actualPort();
        return Map.of(
                "lookout.gateway.upstreams.balanced-service.url", one,
                "lookout.gateway.upstreams.balanced-service.replicas", "http://127.0.0.1:" + closedPort() + "," + two,
                "lookout.gateway.routes.test-balanced.paths", "/api/test-balanced",
                "lookout.gateway.routes.test-balanced.upstream", "balanced-service");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private HttpServer start(String name) {
        HttpServer[] server = new HttpServer[1];
        server[0] = vertx.createHttpServer()
                .requestHandler(request -> request.response()
                        .setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                        .putHeader("X-Instance", name)
                        .putHeader("Location", "http://127.0.0.1:" + server[0].actualPort() + "/api/test-balanced/7")
                        .end(name))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        return server[0];
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
