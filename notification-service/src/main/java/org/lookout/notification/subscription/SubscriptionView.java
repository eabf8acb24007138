package org.lookout.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lookout.notification.domain.Subscription;

/** A subscription as its owner sees it; {@code secret} only in the answer that made it (creation, rotation). */
public record SubscriptionView(UUID id, String ownerKind, String owner, String url, List<String> kinds, String state,
        String source, Instant createdAt, Instant lastSuccessAt, Instant failingSince, Instant disabledAt,
        String disabledReason, Instant previousSecretValidUntil, String secret) {

    static SubscriptionView of(Subscription subscription) {
        return of(subscription, null);
    }

    static SubscriptionView of(Subscription subscription, String secret) {
        return new SubscriptionView(subscription.id, subscription.ownerKind.name(), subscription.owner, subscription.url,
                List.copyOf(subscription.kindSet()), subscription.state.name(), subscription.source.name(),
                subscription.createdAt, subscription.lastSuccessAt, subscription.failingSince, subscription.disabledAt,
                subscription.disabledReason, subscription.previousValidUntil, secret);
    }
}
