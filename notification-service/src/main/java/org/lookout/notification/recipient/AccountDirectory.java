package org.lookout.notification.recipient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.notification.config.NotificationConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The accounts behind pseudonyms, from Keycloak (a confidential client whose service account may only view users):
 * the subject a mobile-app webhook names, and an email address and phone number a person has not given this service
 * themselves. A pseudonym cannot be reversed, so the directory is read page by page and each account's pseudonyms
 * (of its id and of its name) are computed; the map is kept in memory only and read again, at most every
 * {@code accounts.refresh}, when a pseudonym is not in it. With {@code accounts.source=none} nobody is found.
 */
@ApplicationScoped
public class AccountDirectory {

    private static final Logger LOG = Logger.getLogger(AccountDirectory.class);
    private static final int PAGE = 500;

    private final NotificationConfig config;
    private final Instance<Keycloak> keycloak;
    private final Map<String, String> userIds = new ConcurrentHashMap<>();
    private volatile long readAt;

    AccountDirectory(NotificationConfig config, Instance<Keycloak> keycloak) {
        this.config = config;
        this.keycloak = keycloak;
    }

    /** The account whose pseudonym is {@code ref}; empty when there is none (or no directory). */
    public Uni<Optional<Account>> byRef(String ref) {
        if (!"keycloak".equals(config.accounts().source())) {
            return Uni.createFrom().item(Optional.empty());
        }
        return blocking(() -> find(ref));
    }

    /** A client-credentials access token of this service's Keycloak client (to call escalation-service's directory). */
    public Uni<String> serviceToken() {
        return blocking(() -> keycloak.get().tokenManager().getAccessTokenString());
    }

    private Optional<Account> find(String ref) {
        String id = userIds.get(ref);
        if (id == null && System.currentTimeMillis() - readAt > config.accounts().refresh().toMillis()) {
            readAll();
            id = userIds.get(ref);
        }
        if (id == null) {
            return Optional.empty();
        }
        UserRepresentation user = keycloak.get().realm(config.accounts().realm()).users().get(id).toRepresentation();
        return Optional.of(new Account(user.getId(), user.getEmail(), Boolean.TRUE.equals(user.isEmailVerified()),
                attribute(user, "phoneNumber"), "true".equals(attribute(user, "phoneNumberVerified")),
                attribute(user, "locale")));
    }

    private synchronized void readAll() {
        if (System.currentTimeMillis() - readAt <= config.accounts().refresh().toMillis()) {
            return;
        }
        String key = config.pseudonymKey();
        int first = 0;
        int read = 0;
        List<UserRepresentation> page;
        do {
            page = keycloak.get().realm(config.accounts().realm()).users().list(first, PAGE);
            for (UserRepresentation user : page) {
                userIds.put(ReporterPseudonym.of(key, user.getId()), user.getId());
                if (user.getUsername() != null) {
                    userIds.put(ReporterPseudonym.of(key, user.getUsername()), user.getId());
                }
            }
            read += page.size();
            first += PAGE;
        } while (page.size() == PAGE);
        readAt = System.currentTimeMillis();
        LOG.debugf("account directory read: %d accounts", read);
    }

    private static String attribute(UserRepresentation user, String name) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static <T> Uni<T> blocking(java.util.concurrent.Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
