package org.lookout.notification.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.contact.ContactDirectory;
import org.lookout.notification.delivery.DeliveryQueue;
import org.lookout.notification.domain.Address;
import org.lookout.notification.domain.ChannelSender;
import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Language;
import org.lookout.notification.domain.Outgoing;
import org.lookout.notification.domain.SendResult;
import org.lookout.notification.domain.SubscriptionState;
import org.lookout.notification.webhook.WebhookClient;
import org.lookout.notification.webhook.WebhookPayloads;
import org.lookout.notification.webhook.WebhookSignature;
import org.lookout.security.outbound.OutboundUrlPolicy;
import org.lookout.security.outbound.UnsafeUrlException;

import io.smallrye.mutiny.Uni;

/**
 * A webhook delivery: the body is made on the first attempt (for a person: their account's subject and language) and
 * stored, so every retry sends — and signs — the same bytes; the URL is checked again now (DNS may have changed since
 * the subscription was made) and the request goes to the address just checked; Standard Webhooks headers with a
 * signature under the current secret and, during a rotation, the previous one. A 2xx is delivered; 410 Gone stops the
 * subscription; anything else (3xx, 4xx, 5xx, a timeout, a refused connection) is retried.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    /** How long deliveries of a paused subscription wait before they look again. */
    static final Duration PAUSED_RECHECK = Duration.ofMinutes(1);

    private final WebhookTargetRepository targets;
    private final DeliveryQueue queue;
    private final SecretCipher secrets;
    private final OutboundUrlPolicy urls;
    private final WebhookClient client;
    private final ContactDirectory contacts;
    private final Clock clock;

    WebhookSender(WebhookTargetRepository targets, DeliveryQueue queue, SecretCipher secrets, OutboundUrlPolicy urls,
            WebhookClient client, ContactDirectory contacts, Clock clock) {
        this.targets = targets;
        this.queue = queue;
        this.secrets = secrets;
        this.urls = urls;
        this.client = client;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public Uni<SendResult> send(Outgoing delivery) {
        return targets.of(delivery.subscriptionId()).chain(target -> {
            if (target == null || target.state() == SubscriptionState.DISABLED) {
                return Uni.createFrom().item(SendResult.skipped("the subscription is disabled"));
            }
            if (target.state() == SubscriptionState.PAUSED) {
                return Uni.createFrom().item(SendResult.held("the subscription is paused",
                        clock.instant().plus(PAUSED_RECHECK)));
            }
            return body(delivery).chain(body -> body == null
                    ? Uni.createFrom().item(SendResult.skipped("the account behind the recipient is not known"))
                    : post(delivery, target, body));
        });
    }

    private Uni<SendResult> post(Outgoing delivery, WebhookTargetRepository.Target target, String body) {
        return urls.verify(target.url()).chain(checked -> {
            Instant now = clock.instant();
            String id = "msg_" + delivery.id();
            long timestamp = now.getEpochSecond();
            List<String> valid = new ArrayList<>();
            valid.add(secrets.open(target.id(), target.secret()));
            if (target.previousSecret() != null && target.previousValidUntil() != null
                    && target.previousValidUntil().isAfter(now)) {
                valid.add(secrets.open(target.id(), target.previousSecret()));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json");
            headers.put("user-agent", "Lookout-Webhooks/1.0");
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSignature.header(valid, id, timestamp, body));
            long started = System.nanoTime();
            return client.post(checked, headers, body).map(answer -> {
                int latency = (int) ((System.nanoTime() - started) / 1_000_000);
                if (answer.status() / 100 == 2) {
                    return SendResult.delivered(answer.status(), latency);
                }
                if (answer.status() == 410) {
                    return SendResult.dead("410 Gone: the receiver asked to stop", 410, latency);
                }
                return SendResult.failed("HTTP " + answer.status(), answer.status(), latency,
                        answer.retryAfter().orElse(null));
            }).onFailure().recoverWithItem(failure -> SendResult.failed(failure.getClass().getSimpleName() + ": "
                    + failure.getMessage(), null, (int) ((System.nanoTime() - started) / 1_000_000), null));
        }).onFailure(UnsafeUrlException.class).recoverWithItem(refused -> SendResult.refused("refused: "
                + refused.getMessage()));
    }

    /** The stored body, or the body made now and stored; null when a person's account cannot be found. */
    private Uni<String> body(Outgoing delivery) {
        if (delivery.webhookBody() != null) {
            return Uni.createFrom().item(delivery.webhookBody());
        }
        String about = delivery.aboutRef();
        Uni<WebhookPayloads.For> recipient;
        Uni<Language> language;
        if (Address.isPersonal(about)) {
            Uni<ContactDirectory.PersonOnAccount> person = contacts.person(about).memoize().indefinitely();
            recipient = person.map(found -> found.subject().map(WebhookPayloads.For::person).orElse(null));
            language = person.map(ContactDirectory.PersonOnAccount::language);
        } else if (Address.agencyOf(about) != null) {
            recipient = Uni.createFrom().item(WebhookPayloads.For.agency(Address.agencyOf(about)));
            language = Uni.createFrom().item(Language.DEFAULT);
        } else {
            recipient = Uni.createFrom().item(WebhookPayloads.For.residents(Address.residentsCommunity(about)));
            language = Uni.createFrom().item(Language.DEFAULT);
        }
        return recipient.chain(who -> language.chain(lang -> {
            if (who == null) {
                return Uni.createFrom().nullItem();
            }
            String body = WebhookPayloads.body(delivery.id(), delivery.sourceEventId(), delivery.eventType(),
                    delivery.kind(), delivery.createdAt(), who, lang, delivery.message(), delivery.reportId(),
                    delivery.reference());
            return queue.storeWebhookBody(delivery.id(), body).replaceWith(body);
        }));
    }
}
