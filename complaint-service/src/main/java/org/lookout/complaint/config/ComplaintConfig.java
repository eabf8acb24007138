package org.lookout.complaint.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.complaint")
public interface ComplaintConfig {

    /** CloudEvents {@code source} of everything this service publishes. */
    @WithDefault("/lookout/complaint-service")
    String eventSource();

    /** The zone whose calendar year numbers the tracking numbers. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Key of the reporter pseudonym on events (shared with notification-service, nobody else). */
    String pseudonymKey();
}
