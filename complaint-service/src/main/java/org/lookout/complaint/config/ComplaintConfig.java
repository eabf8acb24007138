package org.lookout.complaint.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.complaint")
public interface ComplaintConfig {

    /** The zone whose calendar year numbers the tracking numbers. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Key of the reporter pseudonym on events (shared with notification-service, nobody else). */
    String pseudonymKey();

    /**
     * The notification-delivery key (base64 of 32 bytes, shared with notification-service, nobody else): a confidential
     * report's reporter is sealed under it on the topic instead of carrying the pseudonym.
     */
    String deliveryKey();

    /** How long a resolved report waits for its rating before it closes by itself, not rated. */
    @WithDefault("P7D")
    Duration ratingWindow();

    /** How often the rating window is checked (read by its {@code @Scheduled} expression); {@code off} disables it. */
    @WithDefault("60s")
    String autoCloseInterval();

    /** Reports closed per transaction of the rating-window job. */
    @WithDefault("100")
    int autoCloseBatchSize();
}
