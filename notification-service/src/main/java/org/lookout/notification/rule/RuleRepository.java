package org.lookout.notification.rule;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.NotificationRule;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<NotificationRule, String> {

    public Uni<List<NotificationRule>> all() {
        return listAll(Sort.by("id"));
    }

    /** The enabled rules an event of {@code eventType} triggers, in a stable order. */
    public Uni<List<NotificationRule>> triggeredBy(String eventType) {
        return list("eventType = ?1 and enabled = true", Sort.by("id"), eventType);
    }

    /** Whether a rule of {@code kind} is mandatory (its channels cannot be switched off). */
    public Uni<List<NotificationRule>> ofKind(String kind) {
        return list("kind", kind);
    }
}
