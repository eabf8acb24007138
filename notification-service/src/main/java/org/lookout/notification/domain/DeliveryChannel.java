package org.lookout.notification.domain;

/** Where a notification goes (ARCHITECTURE §8): the in-app inbox (and its live stream), email, SMS, a webhook. */
public enum DeliveryChannel {
    INBOX,
    EMAIL,
    SMS,
    WEBHOOK
}
