package org.lookout.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.security.tokens.VerifiedTokens;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Per-route request timer (count and latency histogram) and per-upstream error counter. Tags are route and
 * upstream names and status codes only: bounded, and free of paths and client data.
 */
@ApplicationScoped
public class GatewayMetrics {

    static final String REQUESTS = "lookout.gateway.requests";
    static final String UPSTREAM_ERRORS = "lookout.gateway.upstream.errors";
    static final String VERIFIED_TOKENS = "lookout.gateway.verified.tokens";

    private final MeterRegistry registry;
    // looked up once per (route, method, status): building a meter id per request costs more than the proxying
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordRequest(String route, String method, int status, long nanos) {
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> timer(route, method, status))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String route, String method, int status) {
        return Timer.builder(REQUESTS)
                .description("Requests through the gateway, by route, method and answer status")
                .tag("route", route)
                .tag("method", method)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    /** How many verified tokens the edge remembers (bounded by {@code lookout.gateway.verified-tokens}). */
    void gaugeVerifiedTokens(VerifiedTokens<?> tokens) {
        Gauge.builder(VERIFIED_TOKENS, tokens, VerifiedTokens::size)
                .description("Bearer tokens verified at the gateway and remembered until they expire (by hash)")
                .register(registry);
    }

    /** {@code kind}: unavailable (connect failed), timeout, or broken (reset after the request went out). */
    public void recordUpstreamError(String route, String upstream, String kind) {
        Counter.builder(UPSTREAM_ERRORS)
                .description("Exchanges with an upstream that failed, by route, upstream and kind")
                .tag("route", route)
                .tag("upstream", upstream)
                .tag("kind", kind)
                .register(registry)
                .increment();
    }
}
