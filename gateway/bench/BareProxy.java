import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor for a JVM proxy on this machine: Vert.x 4.5 (the gateway's own version, from its lib/ folder) forwarding
 * every request to one upstream with X-Forwarded-For, nothing else — no routing, authentication, limits, metrics or
 * problem answers. One server and one client (pool) per event loop, so an exchange never changes thread.
 * Run by gateway/bench/run.sh: java -cp 'gateway/target/quarkus-app/lib/main/*' BareProxy.java PORT UPSTREAM_PORT LOOPS POOL
 */
public class BareProxy extends AbstractVerticle {

    static int port;
    static int upstreamPort;
    static int pool;

    public static void main(String[] args) {
        port = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        int loops = Integer.parseInt(args[2]);
        pool = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        vertx.deployVerticle(BareProxy.class, new DeploymentOptions().setInstances(loops))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(Math.max(1, pool)));
        RequestOptions base = new RequestOptions().setHost("127.0.0.1").setPort(upstreamPort);
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(in -> {
            in.pause();
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(in.headers());
            headers.set("X-Forwarded-For", in.remoteAddress().hostAddress());
            client.request(new RequestOptions(base).setMethod(in.method()).setURI(in.uri()).setHeaders(headers))
                    .compose(out -> out.send(in))
                    .onSuccess(res -> {
                        in.response().setStatusCode(res.statusCode()).headers().addAll(res.headers());
                        in.response().headers().remove("Content-Length").remove("Transfer-Encoding");
                        if (res.getHeader("Content-Length") != null) {
                            in.response().putHeader("Content-Length", res.getHeader("Content-Length"));
                        } else {
                            in.response().setChunked(true);
                        }
                        res.pipeTo(in.response());
                    })
                    .onFailure(e -> in.response().setStatusCode(502).end());
        }).listen(port, "127.0.0.1").onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }
}
