package org.lookout.cadre.domain;

/** A notice is published with its comment window, and may be withdrawn (the reason kept). The table is {@link Notice#TRANSITIONS}. */
public enum NoticeStatus {
    PUBLISHED, WITHDRAWN;

    public enum Action {
        WITHDRAW
    }
}
