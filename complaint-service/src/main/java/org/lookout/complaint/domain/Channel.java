package org.lookout.complaint.domain;

import java.util.EnumSet;
import java.util.Set;

/** How a report reached the community (ARCHITECTURE §5). */
public enum Channel {
    VISIT, PHONE, LETTER, WEB, APP, LOOKOUT, OPEN311;

    /** Staff record what came in person, by phone or by letter. */
    public static final Set<Channel> RECORDED_BY_STAFF = EnumSet.of(VISIT, PHONE, LETTER);

    /** Residents and lookouts file for themselves. */
    public static final Set<Channel> SELF_SERVICE = EnumSet.of(WEB, APP, LOOKOUT);
}
