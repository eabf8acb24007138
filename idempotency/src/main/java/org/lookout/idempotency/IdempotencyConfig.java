package org.lookout.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.idempotency")
public interface IdempotencyConfig {

    /**
     * The request paths (as the REST layer sees them, e.g. {@code /api/complaints}) whose {@code POST} honours
     * {@code Idempotency-Key}. None configured: the filter does nothing.
     */
    Optional<Set<String>> paths();

    /** How long a key and its answer are kept (at least 24 hours by the IETF draft). */
    @WithDefault("P1D")
    Duration retention();

    /** How often expired keys are purged (also read by the {@code @Scheduled} expression). */
    @WithDefault("1h")
    String purgeInterval();

    /**
     * A key still {@code IN_PROGRESS} after this long is taken as abandoned (its request died without an answer) and
     * may be claimed again; until then a retry gets {@code 409}.
     */
    @WithDefault("PT5M")
    Duration inProgressTimeout();
}
