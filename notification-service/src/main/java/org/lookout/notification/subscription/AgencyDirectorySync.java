package org.lookout.notification.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.Address;
import org.lookout.notification.domain.Subscription;
import org.lookout.notification.domain.SubscriptionState;
import org.lookout.notification.recipient.AccountDirectory;
import org.lookout.notification.webhook.WebhookSignature;
import org.lookout.security.outbound.OutboundUrlPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * escalation-service owns the agency directory; an agency's webhook URL there becomes that agency's subscription here
 * (source DIRECTORY): made when the URL appears (the agency reads its secret by rotating it, {@code POST
 * /api/subscriptions/{id}/secret}), moved when it changes, disabled when it goes or the agency is deactivated. Read
 * through escalation-service's API ({@code GET /api/agencies}) with this service's own client-credentials token; a URL
 * the check refuses is left out.
 */
@ApplicationScoped
public class AgencyDirectorySync {

    private static final Logger LOG = Logger.getLogger(AgencyDirectorySync.class);

    /** One directory entry as far as this service cares. */
    record Entry(String code, String webhookUrl, boolean active) {
    }

    private final NotificationConfig config;
    private final AccountDirectory accounts;
    private final SubscriptionRepository subscriptions;
    private final SecretCipher secrets;
    private final OutboundUrlPolicy urls;
    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;

    AgencyDirectorySync(NotificationConfig config, AccountDirectory accounts, SubscriptionRepository subscriptions,
            SecretCipher secrets, OutboundUrlPolicy urls, Vertx vertx, ObjectMapper json, Clock clock) {
        this.config = config;
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.urls = urls;
        this.client = vertx.createHttpClient();
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(identity = "agency-directory", every = "${lookout.notification.agency-directory.interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sync().onFailure().invoke(failure -> LOG.warnf("agency directory not read: %s: %s",
                failure.getClass().getSimpleName(), failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reads the directory and brings the DIRECTORY subscriptions to it; answers how many changed. */
    public Uni<Integer> sync() {
        URI base = config.agencyDirectory().url().orElse(null);
        if (base == null) {
            return Uni.createFrom().item(0);
        }
        return accounts.serviceToken().chain(token -> read(base, token)).chain(this::checked)
                .chain(entries -> Panache.withTransaction(() -> apply(entries)));
    }

    private Uni<List<Entry>> read(URI base, String token) {
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : https ? 443 : 80).setSsl(https)
                .setURI((base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "")) + "/api/agencies")
                .setTimeout(Duration.ofSeconds(10).toMillis())
                .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "application/json");
        return client.request(options).chain(request -> request.send()).chain(response -> response.body().map(body -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the agency directory answered " + response.statusCode());
            }
            try {
                List<Entry> entries = new ArrayList<>();
                for (JsonNode agency : json.readTree(body.toString())) {
                    entries.add(new Entry(agency.path("code").asText(), agency.path("webhookUrl").asText(null),
                            agency.path("active").asBoolean(true)));
                }
                return entries;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the agency directory is not JSON", e);
            }
        }));
    }

    /** Entries whose URL the outbound check refuses are treated as having none (and said so in the log). */
    private Uni<List<Entry>> checked(List<Entry> entries) {
        Uni<List<Entry>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Entry entry : entries) {
            chain = chain.chain(checked -> {
                if (entry.webhookUrl() == null || entry.webhookUrl().isBlank()) {
                    checked.add(entry);
                    return Uni.createFrom().item(checked);
                }
                return urls.verify(entry.webhookUrl()).map(ok -> {
                    checked.add(entry);
                    return checked;
                }).onFailure().recoverWithItem(refused -> {
                    LOG.warnf("agency %s: its directory webhook URL is refused: %s", entry.code(), refused.getMessage());
                    checked.add(new Entry(entry.code(), null, entry.active()));
                    return checked;
                });
            });
        }
        return chain;
    }

    private Uni<Integer> apply(List<Entry> entries) {
        return subscriptions.fromDirectory().chain(existing -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            Set<String> listed = new HashSet<>();
            for (Entry entry : entries) {
                listed.add(entry.code());
                Subscription held = existing.stream().filter(s -> s.owner.equals(entry.code())).findFirst().orElse(null);
                chain = chain.chain(changed -> applyOne(entry, held).map(one -> changed + one));
            }
            for (Subscription gone : existing) {
                if (!listed.contains(gone.owner) && gone.state != SubscriptionState.DISABLED) {
                    gone.disable("removed from the agency directory", clock.instant());
                }
            }
            return chain;
        });
    }

    private Uni<Integer> applyOne(Entry entry, Subscription held) {
        boolean wanted = entry.active() && entry.webhookUrl() != null && !entry.webhookUrl().isBlank();
        if (held == null && wanted) {
            Subscription subscription = new Subscription();
            subscription.id = UUID.randomUUID();
            subscription.ownerKind = Subscription.OwnerKind.AGENCY;
            subscription.owner = entry.code();
            subscription.ownerRef = Address.agency(entry.code());
            subscription.url = entry.webhookUrl();
            subscription.kinds = "";
            subscription.secret = secrets.seal(subscription.id, WebhookSignature.newSecret());
            subscription.state = SubscriptionState.ACTIVE;
            subscription.source = Subscription.Source.DIRECTORY;
            subscription.createdAt = clock.instant();
            return subscriptions.persist(subscription).replaceWith(1);
        }
        if (held == null) {
            return Uni.createFrom().item(0);
        }
        if (!wanted) {
            if (held.state == SubscriptionState.DISABLED) {
                return Uni.createFrom().item(0);
            }
            held.disable(entry.active() ? "its webhook URL was removed from the agency directory"
                    : "the agency was deactivated in the directory", clock.instant());
            return Uni.createFrom().item(1);
        }
        if (!held.url.equals(entry.webhookUrl())) {
            held.url = entry.webhookUrl();
            return Uni.createFrom().item(1);
        }
        return Uni.createFrom().item(0);
    }
}
