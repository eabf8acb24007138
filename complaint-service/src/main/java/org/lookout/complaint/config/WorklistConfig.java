package org.lookout.complaint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many reports a worklist page holds. */
@ConfigMapping(prefix = "lookout.complaint.worklist")
public interface WorklistConfig {

    /** Reports per page when the request names no {@code limit}. */
    @WithDefault("50")
    int defaultLimit();

    /** The largest {@code limit} a request may name. */
    @WithDefault("200")
    int maxLimit();
}
