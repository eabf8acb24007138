package org.lookout.notification.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.EscalationReminder;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<EscalationReminder, EscalationReminder.Key> {

    public Uni<EscalationReminder> of(UUID escalationId, String agencyCode) {
        return find("escalationId = ?1 and agencyCode = ?2", escalationId, agencyCode).firstResult();
    }

    /** Waiting reminders that are due, locked so two instances do not send the same one. */
    public Uni<List<EscalationReminder>> due(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("select * from escalation_reminder"
                + " where state = 'WAITING' and remind_at <= :now order by remind_at limit :limit"
                + " for update skip locked", EscalationReminder.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }
}
