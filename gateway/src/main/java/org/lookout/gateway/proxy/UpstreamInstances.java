package org.lookout.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.lookout.gateway.config.GatewayConfig;

/**
 * The instances of each upstream ({@code url} and its {@code replicas}) and a round-robin turn per upstream. A request
 * starts at the next instance in turn; when that one refuses the connection the exchange moves to the following one,
 * at most once around.
 */
final class UpstreamInstances {

    private record Instances(List<URI> urls, AtomicInteger turn) {
    }

    private final Map<String, Instances> byUpstream;

    private UpstreamInstances(Map<String, Instances> byUpstream) {
        this.byUpstream = byUpstream;
    }

    static UpstreamInstances from(GatewayConfig config) {
        Map<String, Instances> instances = new HashMap<>();
        config.upstreams().forEach((name, upstream) -> {
            List<URI> urls = new ArrayList<>();
            urls.add(upstream.url());
            upstream.replicas().ifPresent(urls::addAll);
            instances.put(name, new Instances(List.copyOf(urls), new AtomicInteger()));
        });
        return new UpstreamInstances(Map.copyOf(instances));
    }

    /** Every instance's URL, for links that may point at any of them. */
    List<URI> allUrls() {
        return byUpstream.values().stream().flatMap(instances -> instances.urls().stream()).toList();
    }

    /** Where a request to {@code upstream} starts: an index to pass to {@link #url}. */
    int firstTurn(String upstream) {
        Instances instances = byUpstream.get(upstream);
        return instances == null || instances.urls().size() == 1 ? 0
                : Math.floorMod(instances.turn().getAndIncrement(), instances.urls().size());
    }

    /** How many instances {@code upstream} has (1 when it is not known here: the route's own URL). */
    int count(String upstream) {
        Instances instances = byUpstream.get(upstream);
        return instances == null ? 1 : instances.urls().size();
    }

    /** The instance at {@code turn} (taken modulo the count), or {@code fallback} when the upstream is not known. */
    URI url(String upstream, int turn, URI fallback) {
        Instances instances = byUpstream.get(upstream);
        return instances == null ? fallback : instances.urls().get(Math.floorMod(turn, instances.urls().size()));
    }
}
