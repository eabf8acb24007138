package org.lookout.notification.inbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.Notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The in-app entries of one recipient. */
@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** One recipient's inbox, newest first. */
    public Uni<List<Notification>> inbox(String recipientRef, int limit) {
        return find("recipientRef = ?1 and channel = ?2", Sort.descending("createdAt").and("id"), recipientRef,
                DeliveryChannel.INBOX)
                .page(Page.ofSize(limit))
                .list();
    }

    public Uni<Notification> inInbox(UUID id, String recipientRef) {
        return find("id = ?1 and recipientRef = ?2 and channel = ?3", id, recipientRef, DeliveryChannel.INBOX)
                .firstResult();
    }
}
