package org.lookout.notification.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A webhook subscription: active, paused by its owner (deliveries wait), or disabled (failing for days, or 410 Gone). */
public enum SubscriptionState {
    ACTIVE, PAUSED, DISABLED;

    public enum Action {
        PAUSE, RESUME, DISABLE
    }

    private static final Map<SubscriptionState, Map<Action, SubscriptionState>> TABLE = Map.of(
            ACTIVE, Map.of(Action.PAUSE, PAUSED, Action.DISABLE, DISABLED),
            PAUSED, Map.of(Action.RESUME, ACTIVE, Action.DISABLE, DISABLED),
            // the owner fixed the endpoint: resuming turns it on again
            DISABLED, Map.of(Action.RESUME, ACTIVE));

    /** The state after {@code action}; null when the action is not allowed from here. */
    public SubscriptionState after(Action action) {
        return TABLE.get(this).get(action);
    }

    /** The states reachable from here, for the 409 problem. */
    public Set<SubscriptionState> next() {
        Set<SubscriptionState> next = EnumSet.noneOf(SubscriptionState.class);
        next.addAll(TABLE.get(this).values());
        return next;
    }
}
