package org.lookout.complaint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the statistics: a ranking of communities is only fair above a minimum of reports. */
@ConfigMapping(prefix = "lookout.complaint.statistics")
public interface StatisticsConfig {

    /** A community with fewer reports received in the period is listed as not ranked (too few reports). */
    @WithDefault("10")
    int rankingMinimumReports();
}
