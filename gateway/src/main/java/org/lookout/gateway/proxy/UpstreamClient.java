package org.lookout.gateway.proxy;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.ContextInternal;

import org.lookout.gateway.config.GatewayConfig;

/**
 * The pooled HTTP clients the gateway uses towards every upstream. Proxying takes the client of the event loop the
 * request arrived on ({@link #client()}), so an exchange never changes thread: its upstream connections live on that
 * loop (the profile showed the hops between loops of one shared pool; docs/gateway.md#benchmark). Each loop's pool
 * holds its share of {@code max-connections-per-upstream}. Health checks and the OpenAPI merge use a shared client.
 */
@ApplicationScoped
public class UpstreamClient {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final int perLoopPool;
    private final HttpClient shared;
    private final ConcurrentHashMap<EventLoop, HttpClient> perLoop = new ConcurrentHashMap<>();

    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false);
        int loops = 0;
        for (var ignored : ((io.vertx.core.impl.VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        loops = Math.max(1, loops);
        this.perLoopPool = Math.max(1, (config.maxConnectionsPerUpstream() + loops - 1) / loops);
        this.shared = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(perLoopPool));
    }

    /** The client whose connections live on the calling event loop (the shared one off an event loop). */
    public HttpClient client() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
            return shared;
        }
        return perLoop.computeIfAbsent(internal.nettyEventLoop(),
                loop -> vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(perLoopPool)));
    }

    /** The client for checks and documents, off the proxying path. */
    public HttpClient shared() {
        return shared;
    }

    @PreDestroy
    void close() {
        perLoop.values().forEach(HttpClient::close);
        shared.close();
    }
}
