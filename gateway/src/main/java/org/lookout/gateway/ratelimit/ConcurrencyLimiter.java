package org.lookout.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lookout.gateway.config.GatewayConfig;

/**
 * How many requests each client has in flight through the gateway, capped at
 * {@code lookout.gateway.max-concurrent-requests-per-client}: one client (token subject, or address when anonymous)
 * can never hold the whole upstream pool, however slowly it reads or sends. A client's entry exists only while it
 * has a request in flight.
 */
@ApplicationScoped
public class ConcurrencyLimiter {

    private final int max;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    @Inject
    public ConcurrencyLimiter(GatewayConfig config) {
        this(config.maxConcurrentRequestsPerClient());
    }

    ConcurrencyLimiter(int max) {
        this.max = max;
    }

    /** Counts one more request of the client; false (and nothing counted) when it has {@code max} in flight. */
    public boolean tryAcquire(String client) {
        boolean[] acquired = {false};
        inFlight.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            acquired[0] = true;
            return now + 1;
        });
        return acquired[0];
    }

    /** The request of the client ended (answered, refused or abandoned). */
    public void release(String client) {
        inFlight.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Requests the client has in flight now. */
    public int inFlight(String client) {
        return inFlight.getOrDefault(client, 0);
    }
}
