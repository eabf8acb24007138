package org.lookout.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One route group resolved against its upstream: everything the proxy needs to handle a matching request.
 * {@code communityRateLimit}: a policy also applied per community (query parameter {@code community}), when set;
 * {@code keyRateLimit}: a policy also applied per client key (request parameter {@code keyParameter}), or null.
 */
public record GatewayRoute(
        String name,
        List<String> paths,
        String upstream,
        URI upstreamUrl,
        Duration timeout,
        Set<String> publicMethods,
        String rateLimit,
        long maxBodyBytes,
        Optional<String> communityRateLimit,
        String keyRateLimit,
        String keyParameter) {

    /** A route limited per client only. */
    public GatewayRoute(String name, List<String> paths, String upstream, URI upstreamUrl, Duration timeout,
            Set<String> publicMethods, String rateLimit, long maxBodyBytes) {
        this(name, paths, upstream, upstreamUrl, timeout, publicMethods, rateLimit, maxBodyBytes, Optional.empty(), null,
                null);
    }

    /** Whether requests are also limited per client key (the key read from the request). */
    public boolean limitsPerKey() {
        return keyRateLimit != null;
    }

    public boolean isPublic(String method) {
        return publicMethods.contains(method);
    }
}
