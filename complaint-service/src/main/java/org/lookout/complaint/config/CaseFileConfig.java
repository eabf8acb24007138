package org.lookout.complaint.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an agency still reads a report's case file once its part of the escalation has closed. */
@ConfigMapping(prefix = "lookout.complaint.case-file")
public interface CaseFileConfig {

    /** After its part closed (resolved, returned, the escalation or the report ended) the agency reads it this long. */
    @WithDefault("P30D")
    Duration readAfterClose();
}
