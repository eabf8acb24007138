package org.lookout.notification.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ReporterPseudonym;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.Address;
import org.lookout.notification.domain.DeliveryState;
import org.lookout.notification.domain.Subscription;
import org.lookout.notification.domain.SubscriptionState;
import org.lookout.notification.rule.RuleRepository;
import org.lookout.notification.webhook.WebhookSignature;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;
import org.lookout.security.outbound.OutboundUrlPolicy;
import org.lookout.security.outbound.UnsafeUrlException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Webhook subscriptions of agencies (their escalations) and of the mobile app's backend (every notification of
 * residents and lookouts). Each owner sees and changes only its own; admin sees all and may subscribe for an agency.
 * The URL must be https to a public address ({@link OutboundUrlPolicy}); the secret is shown once, when it is made.
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final DeliveryLogRepository log;
    private final RuleRepository rules;
    private final SecretCipher secrets;
    private final OutboundUrlPolicy urls;
    private final NotificationConfig config;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, DeliveryLogRepository log, RuleRepository rules,
            SecretCipher secrets, OutboundUrlPolicy urls, NotificationConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.rules = rules;
        this.secrets = secrets;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    /** A new subscription and its secret (the only time it is shown). */
    @WithTransaction
    public Uni<SubscriptionView> create(Caller caller, CreateSubscriptionRequest request) {
        Owner owner = ownerOf(caller, request.agency());
        return verified(request.url()).chain(() -> knownKinds(request.kinds())).chain(kinds -> {
            Subscription subscription = new Subscription();
            subscription.id = UUID.randomUUID();
            subscription.ownerKind = owner.kind();
            subscription.owner = owner.name();
            subscription.ownerRef = owner.ref();
            subscription.url = request.url().strip();
            subscription.kinds = String.join(",", kinds);
            String secret = WebhookSignature.newSecret();
            subscription.secret = secrets.seal(subscription.id, secret);
            subscription.state = SubscriptionState.ACTIVE;
            subscription.source = Subscription.Source.API;
            subscription.createdAt = clock.instant();
            return subscriptions.persist(subscription).map(saved -> SubscriptionView.of(saved, secret));
        });
    }

    @WithSession
    public Uni<List<Subscription>> visibleTo(Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return subscriptions.all();
        }
        Owner owner = ownerOf(caller, null);
        return subscriptions.ofOwner(owner.kind(), owner.name());
    }

    @WithSession
    public Uni<Subscription> one(UUID id, Caller caller) {
        return owned(id, caller);
    }

    /** A new secret, shown once; the previous one keeps signing for the rotation overlap. */
    @WithTransaction
    public Uni<SubscriptionView> rotate(UUID id, Caller caller) {
        return owned(id, caller).map(subscription -> {
            String secret = WebhookSignature.newSecret();
            subscription.rotate(secrets.seal(subscription.id, secret), clock.instant(), config.webhooks().rotationOverlap());
            return SubscriptionView.of(subscription, secret);
        });
    }

    @WithTransaction
    public Uni<Subscription> pause(UUID id, Caller caller) {
        return change(id, caller, Subscription::pause);
    }

    @WithTransaction
    public Uni<Subscription> resume(UUID id, Caller caller) {
        return change(id, caller, Subscription::resume);
    }

    public Uni<List<DeliveryView>> deliveries(UUID id, Caller caller, int limit) {
        return one(id, caller).chain(subscription -> log.ofSubscription(subscription.id, limit));
    }

    /** A dead delivery is sent again (with a fresh set of attempts); any other state is a 409. */
    public Uni<Void> replay(UUID id, UUID deliveryId, Caller caller) {
        return one(id, caller).chain(subscription -> log.stateOf(subscription.id, deliveryId).chain(state -> {
            if (state == null) {
                throw ProblemException.notFound("delivery " + deliveryId);
            }
            DeliveryState current = DeliveryState.valueOf(state);
            if (!current.canMoveTo(DeliveryState.PENDING) || current == DeliveryState.SENDING) {
                throw ProblemException.illegalTransition(current, "replay",
                        java.util.Arrays.stream(DeliveryState.values()).filter(current::canMoveTo).toList());
            }
            return log.replay(subscription.id, deliveryId, clock.instant()).invoke(replayed -> {
                if (!replayed) {
                    throw ProblemException.concurrentChange("delivery " + deliveryId);
                }
            }).replaceWithVoid();
        }));
    }

    private Uni<Subscription> change(UUID id, Caller caller, Consumer<Subscription> action) {
        return owned(id, caller).invoke(action);
    }

    /** The subscription, for its owner or admin; absent (404) for everybody else. */
    private Uni<Subscription> owned(UUID id, Caller caller) {
        return subscriptions.findById(id).map(found -> {
            if (found == null || !caller.is(Roles.ADMIN) && !ownerOf(caller, null).owns(found)) {
                throw ProblemException.notFound("subscription " + id);
            }
            return found;
        });
    }

    private Uni<Void> verified(String url) {
        return urls.verify(url).onFailure(UnsafeUrlException.class)
                .transform(unsafe -> ProblemException.badRequest("url", unsafe.getMessage())).replaceWithVoid();
    }

    private Uni<List<String>> knownKinds(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rules.all().map(all -> {
            Set<String> known = new HashSet<>();
            all.forEach(rule -> known.add(rule.kind));
            for (String kind : requested) {
                if (!known.contains(kind)) {
                    throw ProblemException.badRequest("kinds", kind + " is not a notification kind");
                }
            }
            return requested.stream().distinct().toList();
        });
    }

    /** Who a subscription of this caller belongs to. */
    private Owner ownerOf(Caller caller, String agencyForAdmin) {
        if (caller.is(Roles.ADMIN)) {
            if (agencyForAdmin == null) {
                throw ProblemException.badRequest("agency", "admin subscribes for an agency: name it");
            }
            return new Owner(Subscription.OwnerKind.AGENCY, agencyForAdmin, Address.agency(agencyForAdmin));
        }
        if (agencyForAdmin != null) {
            throw ProblemException.badRequest("agency", "only admin subscribes for another owner");
        }
        if (caller.is(Roles.AGENCY) && caller.agency().isPresent()) {
            String agency = caller.agency().get();
            return new Owner(Subscription.OwnerKind.AGENCY, agency, Address.agency(agency));
        }
        if (caller.is(Roles.APP_BACKEND)) {
            return new Owner(Subscription.OwnerKind.APP_BACKEND, caller.subject(),
                    ReporterPseudonym.of(config.pseudonymKey(), caller.subject()));
        }
        throw ProblemException.forbidden("only agencies and the app backend subscribe to webhooks");
    }

    private record Owner(Subscription.OwnerKind kind, String name, String ref) {

        boolean owns(Subscription subscription) {
            return subscription.ownerKind == kind && subscription.owner.equals(name);
        }
    }

    /** For the health job and the directory: now. */
    Instant now() {
        return clock.instant();
    }
}
