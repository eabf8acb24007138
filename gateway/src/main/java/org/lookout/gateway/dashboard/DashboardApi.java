package org.lookout.gateway.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.gateway.config.GatewayConfig;
import org.lookout.gateway.edge.RequestIds;
import org.lookout.gateway.proxy.UpstreamClient;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.gateway.routing.RouteTable;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The services' own APIs as the dashboard reads them: a GET to the upstream the gateway's route table sends the path to
 * (so the dashboard names no service), with the
 * signed-in user's access token, so each service applies its own roles and scope exactly as for any other caller.
 * Never fails: a refused connection, a timeout or an error status is an {@link Answer} the page shows as such.
 */
@ApplicationScoped
public class DashboardApi {

    /** Stands for "no answer" (refused, broken, timed out): the page shows the figures as unavailable. */
    static final int NO_ANSWER = 502;

    private final RouteTable routes;
    private final UpstreamClient upstreams;
    private final long timeoutMillis;

    public DashboardApi(GatewayConfig gateway, UpstreamClient upstreams, DashboardConfig config) {
        this.routes = RouteTable.from(gateway);
        this.upstreams = upstreams;
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    /** What a service answered: its status and, for a 200, its JSON body. */
    public record Answer(int status, Buffer body) {

        public boolean ok() {
            return status == 200 && body != null;
        }

        public JsonObject object() {
            return body.toJsonObject();
        }

        public JsonArray array() {
            return body.toJsonArray();
        }
    }

    /** {@code GET path?query} (path in normal form, query already encoded) as the user. */
    public Future<Answer> get(String path, String query, String accessToken, String requestId) {
        GatewayRoute route = routes.match(path).orElseThrow(() -> new IllegalArgumentException("no route for " + path));
        String base = route.upstreamUrl().toString().replaceAll("/$", "");
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + path + (query.isEmpty() ? "" : "?" + query))
                .setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .putHeader(RequestIds.HEADER, requestId);
        return upstreams.shared().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> answer(response, body)))
                .otherwise(failure -> new Answer(NO_ANSWER, null));
    }

    private static Answer answer(HttpClientResponse response, Buffer body) {
        return new Answer(response.statusCode(), response.statusCode() == 200 ? body : null);
    }
}
