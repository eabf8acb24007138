package org.lookout.gateway.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The street's dashboard ({@code /dashboard}): who may see it and how it reads the services. */
@ConfigMapping(prefix = "lookout.dashboard")
public interface DashboardConfig {

    /** Realm roles that see the figures; any other signed-in user gets the 403 page. */
    @WithDefault("supervisor,staff")
    Set<String> roles();

    /** Months and dates are those of this zone, as the statistics' periods are. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How long one call to a service may take before the page says its figures are unavailable. */
    @WithDefault("10s")
    Duration upstreamTimeout();

    /** Reports on one worklist page of the drill-down (the worklist API allows 1–200). */
    @WithDefault("50")
    int worklistLimit();
}
