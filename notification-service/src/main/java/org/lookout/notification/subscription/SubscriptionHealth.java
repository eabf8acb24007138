package org.lookout.notification.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.delivery.DeliveryService;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Notification;
import org.lookout.notification.domain.Subscription;
import org.lookout.notification.domain.SubscriptionState;
import org.lookout.notification.template.NotificationTemplates;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * A subscription whose deliveries have failed without a success for longer than {@code webhooks.disable-after} is
 * disabled, and its owner told in their inbox — as is the owner of one a receiver disabled itself (410 Gone). Pending
 * deliveries of a disabled subscription are skipped; resuming it starts afresh.
 */
@ApplicationScoped
public class SubscriptionHealth {

    static final String KIND = "SUBSCRIPTION_DISABLED";
    private static final Logger LOG = Logger.getLogger(SubscriptionHealth.class);

    private final SubscriptionRepository subscriptions;
    private final DeliveryService deliveries;
    private final NotificationTemplates templates;
    private final NotificationConfig config;
    private final Clock clock;

    SubscriptionHealth(SubscriptionRepository subscriptions, DeliveryService deliveries, NotificationTemplates templates,
            NotificationConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.templates = templates;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "subscription-health", every = "${lookout.notification.webhooks.health-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check().replaceWithVoid();
    }

    /** Disables what failed too long and tells every owner not told yet; answers how many owners were told. */
    public Uni<Integer> check() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> subscriptions.needingAttention().chain(found -> each(found, now)));
    }

    private Uni<Integer> each(List<Subscription> found, Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Subscription subscription : found) {
            chain = chain.chain(told -> attend(subscription, now).map(one -> told + one));
        }
        return chain;
    }

    private Uni<Integer> attend(Subscription subscription, Instant now) {
        if (subscription.failingLongerThan(config.webhooks().disableAfter(), now)) {
            subscription.disable("deliveries failed since " + subscription.failingSince, now);
            LOG.warnf("webhook subscription %s of %s disabled: failing since %s", subscription.id, subscription.owner,
                    subscription.failingSince);
        }
        if (subscription.state != SubscriptionState.DISABLED || subscription.ownerToldAt != null) {
            return Uni.createFrom().item(0);
        }
        Map<Language, Map<String, Object>> values = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, Object> map = new HashMap<>();
            map.put("subscription", subscription.url);
            map.put("reason", subscription.disabledReason == null ? "" : subscription.disabledReason);
            values.put(language, map);
        }
        Notification told = Notification.inInbox(new Notification.Draft(subscription.ownerRef, KIND, null, null,
                templates.render("subscription-disabled", values), now,
                "subscription-disabled:" + subscription.id + ":" + subscription.disabledAt.toEpochMilli(), null, null));
        subscription.ownerTold(now);
        return deliveries.deliver(told).replaceWith(1);
    }
}
