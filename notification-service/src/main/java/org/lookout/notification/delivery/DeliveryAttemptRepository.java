package org.lookout.notification.delivery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryAttempt;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    /** The number the next attempt of this notification gets: 1 for the first. */
    public Uni<Integer> nextAttempt(UUID notificationId) {
        return count("notificationId", notificationId).map(count -> Math.toIntExact(count) + 1);
    }
}
