package org.lookout.notification.inbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.config.NotificationConfig;
import org.lookout.notification.recipient.InboxOwner;
import org.lookout.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/**
 * A caller's inbox: what was addressed to them and to the groups of their roles in their scope, newest first in pages
 * (the cursor is the {@code seq} of the last entry of the page before). Another's entries answer as absent.
 */
@ApplicationScoped
public class InboxService {

    private final InboxRepository inbox;
    private final NotificationConfig config;
    private final Clock clock;

    InboxService(InboxRepository inbox, NotificationConfig config, Clock clock) {
        this.inbox = inbox;
        this.config = config;
        this.clock = clock;
    }

    /** One page and the cursor of the next (null on the last page). */
    public record Page(List<InboxEntry> entries, Long next) {
    }

    public Uni<Page> page(InboxOwner owner, Long cursor, boolean unreadOnly, Integer limit) {
        int size = limit == null ? config.inboxPageSize() : Math.min(limit, config.inboxPageLimit());
        return inbox.page(owner.addresses(), owner.readerRef(), cursor, unreadOnly, size + 1).map(found -> found.size() > size
                ? new Page(found.subList(0, size), found.get(size - 1).seq()) : new Page(found, null));
    }

    public Uni<Long> unread(InboxOwner owner) {
        return inbox.unread(owner.addresses(), owner.readerRef());
    }

    /** Marks an entry read (again: keeps the first time); 404 when it is not the caller's. */
    public Uni<InboxEntry> markRead(UUID id, InboxOwner owner) {
        return inbox.one(id, owner.addresses(), owner.readerRef())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("notification " + id))
                .chain(entry -> inbox.markRead(id, owner.readerRef(), clock.instant()))
                .chain(() -> inbox.one(id, owner.addresses(), owner.readerRef()));
    }

    /** Marks every entry read, up to the newest there is now; answers how many were unread. */
    public Uni<Integer> markAllRead(InboxOwner owner) {
        return inbox.latest().chain(latest -> inbox.markAllRead(owner.addresses(), owner.readerRef(), latest,
                clock.instant()));
    }
}
