package org.lookout.notification.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.delivery.DeliveryService;
import org.lookout.notification.domain.Address;
import org.lookout.notification.domain.Audience;
import org.lookout.notification.domain.CommunityCopy;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.ItemCopy;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.Notification;
import org.lookout.notification.domain.NotificationRule;
import org.lookout.notification.domain.ReportFacts;
import org.lookout.notification.domain.Subscription;
import org.lookout.notification.preference.PreferenceService;
import org.lookout.notification.recipient.CommunityCopyRepository;
import org.lookout.notification.recipient.ItemCopyRepository;
import org.lookout.notification.recipient.RecipientResolver;
import org.lookout.notification.rule.RuleRepository;
import org.lookout.notification.sms.QuietHours;
import org.lookout.notification.sms.SmsSender;
import org.lookout.notification.subscription.SubscriptionRepository;
import org.lookout.notification.template.NotificationTemplates;
import org.lookout.notification.template.TemplateValues;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * What one event means for everybody, in the consumer's transaction: each enabled rule of its type whose condition the
 * data meets names an audience; each recipient of it gets the rule's template rendered in both languages — in the inbox
 * at once (delivered by being written), and queued for email, SMS (held in the quiet hours) and webhooks as the rule
 * and the person's preferences say. Nothing is sent here: the delivery worker sends after the transaction commits.
 * Everything is at most once per event, recipient and channel.
 */
@ApplicationScoped
public class NotificationDispatch {

    private final RuleRepository rules;
    private final RecipientResolver recipients;
    private final NotificationTemplates templates;
    private final ItemCopyRepository items;
    private final CommunityCopyRepository communities;
    private final PreferenceService preferences;
    private final SubscriptionRepository subscriptions;
    private final DeliveryService deliveries;
    private final NotificationConfig config;
    private final QuietHours quietHours;
    private final Clock clock;

    NotificationDispatch(RuleRepository rules, RecipientResolver recipients, NotificationTemplates templates,
            ItemCopyRepository items, CommunityCopyRepository communities, PreferenceService preferences,
            SubscriptionRepository subscriptions, DeliveryService deliveries, NotificationConfig config, Clock clock) {
        this.rules = rules;
        this.recipients = recipients;
        this.templates = templates;
        this.items = items;
        this.communities = communities;
        this.preferences = preferences;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.config = config;
        this.quietHours = SmsSender.quietHours(config);
        this.clock = clock;
    }

    /** @param facts what is known of the event's report, or null (no report, or not known here) */
    public Uni<Void> dispatch(CloudEvent event, ReportFacts facts) {
        return rules.triggeredBy(event.type()).chain(found -> {
            List<NotificationRule> applicable = found.stream().filter(rule -> rule.appliesTo(event.data())).toList();
            if (applicable.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            JsonNode data = event.data();
            String itemCode = text(data, "itemCode", facts == null ? null : facts.itemCode);
            String communityCode = text(data, "communityCode", facts == null ? null : facts.communityCode);
            Uni<ItemCopy> item = itemCode == null ? Uni.createFrom().nullItem() : items.findById(itemCode);
            Uni<CommunityCopy> community = communityCode == null ? Uni.createFrom().nullItem()
                    : communities.findById(communityCode);
            return item.chain(itemCopy -> community.chain(communityCopy -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (NotificationRule rule : applicable) {
                    chain = chain.chain(() -> dispatch(rule, event, facts, itemCopy, communityCopy));
                }
                return chain;
            }));
        });
    }

    private Uni<Void> dispatch(NotificationRule rule, CloudEvent event, ReportFacts facts, ItemCopy item,
            CommunityCopy community) {
        return recipients.resolve(rule.audience, event, facts).chain(addresses -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String address : addresses) {
                chain = chain.chain(() -> notify(rule, event, facts, item, community, address));
            }
            return chain;
        });
    }

    private Uni<Void> notify(NotificationRule rule, CloudEvent event, ReportFacts facts, ItemCopy item,
            CommunityCopy community, String address) {
        Map<Language, Map<String, Object>> values = TemplateValues.of(event.data(), facts, item, community,
                Address.agencyOf(address), config.reportLink(), config.rateLink(), config.zone());
        Message message = templates.render(rule.template, values);
        String reference = (String) values.get(Language.DEFAULT).get("reference");
        Instant now = clock.instant();
        Notification.Draft draft = new Notification.Draft(address, rule.kind, reference.isBlank() ? null : reference,
                reportId(event, facts), message, now, event.id(), rule.id, event.type());
        Uni<Set<DeliveryChannel>> channels = rule.audience.personal() ? preferences.channelsFor(address, rule)
                : Uni.createFrom().item(rule.channelSet());
        return channels.chain(chosen -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (chosen.contains(DeliveryChannel.INBOX)) {
                chain = chain.chain(() -> deliveries.deliver(Notification.inInbox(draft)).replaceWithVoid());
            }
            if (rule.audience.personal() && chosen.contains(DeliveryChannel.EMAIL)) {
                chain = chain.chain(() -> deliveries.enqueue(Notification.outgoing(draft, DeliveryChannel.EMAIL, now))
                        .replaceWithVoid());
            }
            if (rule.audience.personal() && chosen.contains(DeliveryChannel.SMS)) {
                chain = chain.chain(() -> deliveries.enqueue(Notification.outgoing(draft, DeliveryChannel.SMS,
                        quietHours.nextAllowed(now))).replaceWithVoid());
            }
            if (chosen.contains(DeliveryChannel.WEBHOOK)) {
                chain = chain.chain(() -> webhooks(rule.audience, address, rule.kind).chain(targets -> {
                    Uni<Void> each = Uni.createFrom().voidItem();
                    for (Subscription subscription : targets) {
                        each = each.chain(() -> deliveries.enqueue(Notification.webhook(draft, subscription.id, null))
                                .replaceWithVoid());
                    }
                    return each;
                }));
            }
            return chain;
        });
    }

    /** Agencies' own subscriptions; every app backend's for the reporter and for residents. */
    private Uni<List<Subscription>> webhooks(Audience audience, String address, String kind) {
        Uni<List<Subscription>> found = switch (audience) {
            case AGENCY -> subscriptions.receiving(Subscription.OwnerKind.AGENCY, Address.agencyOf(address));
            case REPORTER, COMMUNITY_RESIDENTS -> subscriptions.receiving(Subscription.OwnerKind.APP_BACKEND, null);
            default -> Uni.createFrom().item(List.of());
        };
        return found.map(all -> all.stream().filter(subscription -> subscription.wants(kind)).toList());
    }

    private static UUID reportId(CloudEvent event, ReportFacts facts) {
        String id = event.data().path("reportId").asText(null);
        try {
            return id != null ? UUID.fromString(id) : facts != null ? facts.reportId : null;
        } catch (IllegalArgumentException notAnId) {
            return facts != null ? facts.reportId : null;
        }
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }
}
