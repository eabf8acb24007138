package org.lookout.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lookout.gateway.config.GatewayConfig;

/**
 * Maps a request path to its route. Prefixes match whole segments ({@code /api/taxonomy} matches
 * {@code /api/taxonomy} and {@code /api/taxonomy/items}, never {@code /api/taxonomyx}); {@code *} matches
 * exactly one non-empty segment; the most specific prefix wins, so a narrower route (tracking lookups, attachment
 * uploads) can override the limits of the broad one.
 */
public final class RouteTable {

    private static final String ANY_SEGMENT = "*";

    /** A configured path prefix of a route ({@code path} as configured, {@code segments} split once). */
    private record Prefix(String path, String[] segments, int wildcards, GatewayRoute route) {
        boolean matches(String requestPath) {
            return segmentsMatch(segments, requestPath);
        }
    }

    /**
     * True when {@code path} starts with {@code segments}, whole segments, {@code *} matching any one non-empty segment.
     * Walks the path in place: a match per request allocates nothing.
     */
    private static boolean segmentsMatch(String[] segments, String path) {
        int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
        int at = path.startsWith("/") ? 1 : 0;
        for (String segment : segments) {
            if (at >= end) {
                return false;
            }
            int next = path.indexOf('/', at);
            if (next < 0 || next > end) {
                next = end;
            }
            if (next == at
                    || !segment.equals(ANY_SEGMENT) && (next - at != segment.length() || !path.startsWith(segment, at))) {
                return false;
            }
            at = next + 1;
        }
        return true;
    }

    private final List<Prefix> prefixes;
    private final List<GatewayRoute> routes;

    private RouteTable(List<GatewayRoute> routes) {
        this.routes = List.copyOf(routes);
        List<Prefix> all = new ArrayList<>();
        for (GatewayRoute route : routes) {
            for (String path : route.paths()) {
                String[] segments = split(path);
                int wildcards = (int) java.util.Arrays.stream(segments).filter(ANY_SEGMENT::equals).count();
                all.add(new Prefix(path, segments, wildcards, route));
            }
        }
        all.sort(Comparator.<Prefix>comparingInt(p -> -p.segments().length).thenComparingInt(Prefix::wildcards));
        this.prefixes = List.copyOf(all);
    }

    public static RouteTable of(List<GatewayRoute> routes) {
        return new RouteTable(routes);
    }

    public static RouteTable from(GatewayConfig config) {
        List<GatewayRoute> routes = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            GatewayConfig.Upstream upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("Route '" + entry.getKey() + "' names unknown upstream '" + route.upstream()
                        + "'; known: " + config.upstreams().keySet());
            }
            for (String policy : Stream.concat(Stream.of(route.rateLimit()),
                    route.communityRateLimit().stream()).toList()) {
                if (!config.rateLimits().containsKey(policy)) {
                    throw new IllegalStateException("Route '" + entry.getKey() + "' names unknown rate limit '"
                            + policy + "'; known: " + config.rateLimits().keySet());
                }
            }
            route.keyRateLimit().filter(policy -> !config.rateLimits().containsKey(policy)).ifPresent(policy -> {
                throw new IllegalStateException("Route '" + entry.getKey() + "' names unknown key rate limit '" + policy
                        + "'; known: " + config.rateLimits().keySet());
            });
            Set<String> publicMethods = route.publicMethods().orElse(Set.of()).stream()
                    .map(m -> m.trim().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            routes.add(new GatewayRoute(entry.getKey(), List.copyOf(route.paths()), route.upstream(), upstream.url(),
                    route.timeout(), publicMethods, route.rateLimit(), route.maxBodySize().asLongValue(),
                    route.communityRateLimit(), route.keyRateLimit().orElse(null), route.keyParameter()));
        }
        return new RouteTable(routes);
    }

    /** The route for a normalised path, or empty when the gateway does not route it. */
    public Optional<GatewayRoute> match(String normalizedPath) {
        for (Prefix prefix : prefixes) {
            if (prefix.matches(normalizedPath)) {
                return Optional.of(prefix.route());
            }
        }
        return Optional.empty();
    }

    /**
     * True when a documented path (OpenAPI template, {@code {param}} segments match anything) lies under the
     * prefix, i.e. a request under the prefix can reach an operation.
     */
    public static boolean covers(String prefix, String documentedPath) {
        String[] wanted = split(prefix);
        String[] path = split(documentedPath);
        if (path.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            boolean wildcard = wanted[i].equals(ANY_SEGMENT) || path[i].startsWith("{");
            if (!wildcard && !wanted[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    public List<GatewayRoute> routes() {
        return routes;
    }

    /**
     * Refuses routes that overlap a path of the framework's HTTP permissions ({@code quarkus.http.auth.permission.*.paths},
     * e.g. {@code /dashboard/*}): the edge answers anonymous requests on routed paths before the framework's security
     * chain runs, so a permission there would never be checked for them.
     */
    public void requireNoneUnder(Map<String, List<String>> permissionPaths) {
        permissionPaths.forEach((permission, paths) -> {
            for (String permissionPath : paths) {
                String guarded = permissionPath.endsWith("*")
                        ? permissionPath.substring(0, permissionPath.length() - 1) : permissionPath;
                String[] guardedSegments = split(guarded);
                for (Prefix prefix : prefixes) {
                    if (prefix.matches(guarded) || segmentsMatch(guardedSegments, prefix.path())) {
                        throw new IllegalStateException("Route '" + prefix.route().name() + "' overlaps the paths of HTTP "
                                + "permission '" + permission + "' (" + permissionPath + "): the gateway answers "
                                + "anonymous requests on its routes before that permission would be checked");
                    }
                }
            }
        });
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
