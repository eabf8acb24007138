package org.lookout.notification.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one notification stands on its channel. An inbox entry is {@code DELIVERED} when it is written. An email, SMS or
 * webhook starts {@code PENDING}; the worker claims it ({@code SENDING}, for a lease) and sends it outside any database
 * transaction; then it is {@code SENT}, {@code FAILED} (tried again later), {@code DEAD} (out of attempts, or refused for
 * good) or {@code SKIPPED} (nothing to send to). A dead delivery can be replayed ({@code PENDING} again).
 */
public enum DeliveryState {
    DELIVERED, PENDING, SENDING, FAILED, SENT, DEAD, SKIPPED, CANCELLED;

    private static final Map<DeliveryState, Set<DeliveryState>> NEXT = Map.of(
            DELIVERED, EnumSet.noneOf(DeliveryState.class),
            PENDING, EnumSet.of(SENDING, SKIPPED, CANCELLED),
            // back to PENDING: held for quiet hours or a paused subscription, or its lease ran out
            SENDING, EnumSet.of(SENT, FAILED, DEAD, SKIPPED, PENDING),
            FAILED, EnumSet.of(SENDING, CANCELLED),
            SENT, EnumSet.noneOf(DeliveryState.class),
            DEAD, EnumSet.of(PENDING),
            SKIPPED, EnumSet.noneOf(DeliveryState.class),
            CANCELLED, EnumSet.noneOf(DeliveryState.class));

    public boolean canMoveTo(DeliveryState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states a worker may claim a delivery in (a lapsed {@code SENDING} lease too). */
    public static Set<DeliveryState> claimable() {
        return EnumSet.of(PENDING, FAILED, SENDING);
    }
}
