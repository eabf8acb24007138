package org.lookout.complaint.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Business settings of intake: what counts as a possible duplicate, and how much may be attached to a report. */
@ConfigMapping(prefix = "lookout.complaint.intake")
public interface IntakeConfig {

    /** An open report of the same item and community received this recently may be the same problem. */
    @WithDefault("P14D")
    Duration duplicateWindow();

    /** Two reports this close (haversine on WGS84) may be about the same spot. */
    @WithDefault("50")
    double duplicateRadiusMetres();

    /** Largest attachment, in bytes. */
    @WithDefault("5242880")
    int attachmentMaxBytes();

    @WithDefault("5")
    int attachmentsPerReport();

    /** Largest request body on the attachment upload route (the file and its multipart framing). */
    @WithDefault("6291456")
    long attachmentBodyMaxBytes();

    /** Largest request body anywhere else. */
    @WithDefault("1048576")
    long bodyMaxBytes();

    /**
     * How long intake trusts its in-memory copy of an item's or a community's facts (active, confidential, category).
     * An edit on this instance is seen at once; one made on another instance after at most this long.
     */
    @WithDefault("PT10S")
    Duration referenceCacheTtl();
}
