package org.lookout.complaint.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The lookout roster's account changes in Keycloak: what to give, how often to try, how to back off. */
@ConfigMapping(prefix = "lookout.complaint.roster")
public interface RosterConfig {

    /** The realm the accounts live in (as the admin client names it). */
    @WithDefault("lookout")
    String realm();

    /** The realm role an appointed lookout's account gets. */
    @WithDefault("lookout")
    String realmRole();

    /** The user attribute that becomes the token's {@code community} claim. */
    @WithDefault("community")
    String communityAttribute();

    /** How often the account job runs (read by its {@code @Scheduled} expression); {@code off} disables it. */
    @WithDefault("30s")
    String syncInterval();

    /** Appointments handled per run. */
    @WithDefault("20")
    int syncBatchSize();

    /** The first retry after a failure; it doubles with each failure up to {@link #retryMax()}. */
    @WithDefault("PT30S")
    Duration retryMin();

    @WithDefault("PT1H")
    Duration retryMax();
}
