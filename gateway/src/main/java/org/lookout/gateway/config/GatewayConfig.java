package org.lookout.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway routes and enforces, as typed configuration under {@code lookout.gateway}. */
@ConfigMapping(prefix = "lookout.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name. */
    Map<String, Upstream> upstreams();

    /** Route groups, by name: which paths go to which upstream and under which limits. */
    Map<String, Route> routes();

    /** Token-bucket policies, by name; a route names one with {@code rate-limit}. */
    Map<String, RateLimit> rateLimits();

    /**
     * The address callers reach the gateway at, e.g. {@code https://lookout.example.org}: links an upstream builds
     * from its own address ({@code Location} after a create) are rewritten to it. Configured, never taken from the
     * request, so a forged {@code Host} cannot end up in a link.
     */
    URI publicUrl();

    /** How long to wait for a TCP connection to an upstream before answering 503. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** Value of {@code Retry-After} on 503 and 504 answers. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Pooled HTTP/1.1 connections per upstream. */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    /**
     * Most requests one client (token subject; address when anonymous) may have in flight at once; one more gets 429.
     * With 64 upstream connections, no client can hold them all.
     */
    @WithDefault("16")
    int maxConcurrentRequestsPerClient();

    /**
     * Request bodies up to this size are read whole at the edge before an upstream connection is taken, so a client
     * that sends slowly holds no upstream connection. Larger bodies (attachments) stream, within the body deadline.
     */
    @WithDefault("1M")
    MemorySize bodyBufferSize();

    /** Longest time a request body may take to arrive, from the end of its headers; then 408 and the connection closes. */
    @WithDefault("20s")
    Duration bodyReadTimeout();

    /**
     * Longest time a request's line and headers may take to arrive, from their first byte (a new connection: from
     * its opening); then the connection closes with 408. A client that trickles its headers (slow loris) is cut.
     */
    @WithDefault("10s")
    Duration headerReadTimeout();

    /**
     * Paths under {@code /q} the public port may still serve (normal form, exact); by default none: health, metrics,
     * OpenAPI and dev pages are the management interface's, and anything under {@code /q} is 404 on the public port.
     */
    Optional<Set<String>> publicFrameworkPaths();

    /** Most distinct clients tracked by the rate limiter before idle buckets are dropped early. */
    @WithDefault("100000")
    int maxTrackedClients();

    /**
     * Most verified bearer tokens the gateway remembers (by SHA-256), so that a token already verified is not verified
     * again on every request (docs/decisions/0009-verified-tokens-at-the-edge.md); 0 verifies every request.
     */
    @WithDefault("10000")
    int verifiedTokens();

    /**
     * Longest time a token's verification is trusted at the edge however late it expires: a signing key withdrawn
     * from the realm stops opening the gateway within it. The services verify every token themselves regardless.
     */
    @WithDefault("5m")
    Duration verifiedTokenMaxAge();

    interface Upstream {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
        URI url();

        /**
         * Base URLs of further instances of the same service. Requests are spread round-robin over {@code url} and
         * these; an instance that refuses the connection is passed over for the next one (nothing was sent to it).
         * Health and the merged OpenAPI use the first instance only. Absent: one instance.
         */
        Optional<List<URI>> replicas();

        /**
         * Base URL of the upstream's management interface, where its health and OpenAPI document are served (never
         * routed); absent: {@link #url()}.
         */
        Optional<URI> managementUrl();

        /** The base URL of health and OpenAPI requests: the management interface when there is one. */
        default URI managementBase() {
            return managementUrl().orElse(url());
        }

        /** Path answered by the upstream's liveness check, polled by the gateway's readiness. */
        @WithDefault("/q/health/live")
        String healthPath();

        /** Path of the upstream's OpenAPI document (JSON). */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();
    }

    interface Route {
        /** Path prefixes (segment-wise; {@code *} matches one segment). The most specific prefix wins across routes. */
        List<String> paths();

        /** Name of an entry in {@code upstreams}. */
        String upstream();

        /** Longest wait for the upstream without it sending a byte; then 504. */
        @WithDefault("30s")
        Duration timeout();

        /** Methods allowed without a bearer token; absent means every method needs one. */
        Optional<Set<String>> publicMethods();

        /** Name of an entry in {@code rate-limits}. */
        @WithDefault("default")
        String rateLimit();

        /**
         * Name of an entry in {@code rate-limits} that is also applied per community, the one named by the query
         * parameter {@code community} (all requests without one share a bucket): a cap on what one community receives
         * from everyone, on top of the per-client limit.
         */
        Optional<String> communityRateLimit();

        /** Longest time this route's request body may take to arrive; default {@code body-read-timeout}. */
        Optional<Duration> bodyTimeout();

        /** Largest request body accepted; larger gets 413. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * A second bucket per client key, under this policy (name of an entry in {@code rate-limits}): the key is the
         * {@code key-parameter} of the request, in its query or its form body (Open311's {@code api_key}). Absent: none.
         */
        Optional<String> keyRateLimit();

        /** The request parameter that carries a client key, for {@code key-rate-limit}. */
        @WithDefault("api_key")
        String keyParameter();
    }

    interface RateLimit {
        /** Bucket size: the burst a client may send at once. */
        long capacity();

        /** Time to refill a whole bucket; tokens come back evenly over it. */
        Duration period();
    }
}
