package org.lookout.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.lookout.gateway.config.GatewayConfig;
import org.lookout.gateway.proxy.UpstreamClient;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Reports each upstream's liveness, but stays UP itself: one service down must not take the front door (and
 * with it the public routes of every other service) out of the load balancer. The data names who is down.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final GatewayConfig config;
    private final UpstreamClient client;

    public UpstreamsReadinessCheck(GatewayConfig config, UpstreamClient client) {
        this.config = config;
        this.client = client;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<String> names = new ArrayList<>(config.upstreams().keySet());
        List<Future<String>> probes = new ArrayList<>();
        for (String name : names) {
            probes.add(probe(config.upstreams().get(name)));
        }
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage())
                .onFailure().recoverWithNull()
                .map(ignored -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
                    int down = 0;
                    for (int i = 0; i < names.size(); i++) {
                        Future<String> probe = probes.get(i);
                        String state = probe.succeeded() ? probe.result() : "DOWN";
                        if (!"UP".equals(state)) {
                            down++;
                        }
                        builder.withData(names.get(i), state);
                    }
                    return builder.withData("down", down).build();
                });
    }

    private Future<String> probe(GatewayConfig.Upstream upstream) {
        URI base = upstream.managementBase();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : 80)
                .setURI(upstream.healthPath())
                .setConnectTimeout(PROBE_TIMEOUT.toMillis())
                .setIdleTimeout(PROBE_TIMEOUT.toMillis());
        return client.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? "UP"
                        : "DOWN (HTTP " + response.statusCode() + ")"));
    }
}
