package org.lookout.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.notification")
public interface NotificationConfig {

    /** Key of the reporter pseudonym on events (shared with complaint-service, nobody else). */
    String pseudonymKey();

    /** Most inbox entries one request answers. */
    @WithDefault("200")
    int inboxPageLimit();
}
