package org.lookout.notification.domain;

/** What a notification tells its recipient; each kind has a template in every {@link Language}. */
public enum NotificationKind {
    /** A report was received; names its tracking number. */
    REPORT_RECEIVED
}
