package org.lookout.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** One route group resolved against its upstream: everything the proxy needs to handle a matching request. */
public record GatewayRoute(
        String name,
        List<String> paths,
        String upstream,
        URI upstreamUrl,
        Duration timeout,
        Set<String> publicMethods,
        String rateLimit,
        long maxBodyBytes) {

    public boolean isPublic(String method) {
        return publicMethods.contains(method);
    }
}
