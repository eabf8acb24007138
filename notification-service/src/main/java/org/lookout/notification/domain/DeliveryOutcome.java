package org.lookout.notification.domain;

/** What one attempt to deliver a notification came to; every attempt is logged with one. */
public enum DeliveryOutcome {
    DELIVERED,
    /** The recipient already had this event on this channel: nothing was sent again. */
    DUPLICATE,
    /** It did not get through this time; it is tried again later. */
    FAILED,
    /** The address is one this service will not call (a webhook URL that now resolves inside the network). */
    REFUSED,
    /** Nothing to send to: no verified contact, a paused or disabled subscription, the account unknown. */
    SKIPPED,
    /** Quiet hours: kept until they end. */
    HELD,
    /** The last attempt failed: no more attempts unless someone replays it. */
    DEAD
}
