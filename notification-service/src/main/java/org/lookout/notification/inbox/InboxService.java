package org.lookout.notification.inbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ReporterPseudonym;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.domain.Notification;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The caller's in-app inbox. Entries are addressed to the keyed pseudonym of an account, so the caller's own is computed
 * from the token subject; another account's entries answer as absent.
 */
@ApplicationScoped
public class InboxService {

    private final InboxRepository notifications;
    private final NotificationConfig config;
    private final Clock clock;

    InboxService(InboxRepository notifications, NotificationConfig config, Clock clock) {
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    /** Newest first, at most the configured page limit. */
    @WithSession
    public Uni<List<Notification>> inbox(String subject) {
        return notifications.inbox(recipientOf(subject), config.inboxPageLimit());
    }

    @WithTransaction
    public Uni<Notification> markRead(UUID id, String subject) {
        return notifications.inInbox(id, recipientOf(subject))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("notification " + id))
                .invoke(notification -> notification.markRead(clock.instant()));
    }

    private String recipientOf(String subject) {
        return ReporterPseudonym.of(config.pseudonymKey(), subject);
    }
}
