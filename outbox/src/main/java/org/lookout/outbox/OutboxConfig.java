package org.lookout.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.outbox")
public interface OutboxConfig {

    /** How often the relay looks for pending events (also read by the {@code @Scheduled} expression). */
    @WithDefault("0.5s")
    String pollInterval();

    /** Most events relayed in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long published events are kept for inspection before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
