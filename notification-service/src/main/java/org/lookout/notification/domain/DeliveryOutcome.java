package org.lookout.notification.domain;

public enum DeliveryOutcome {
    DELIVERED,
    /** The recipient already had this event on this channel: nothing was sent again. */
    DUPLICATE,
    FAILED
}
