package org.lookout.notification.domain;

/** Where a notification goes (ARCHITECTURE §8). Only the in-app inbox is delivered so far. */
public enum DeliveryChannel {
    INBOX,
    EMAIL,
    SMS,
    WEBHOOK
}
