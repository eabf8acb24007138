package org.lookout.complaint.intake;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Gap-free sequence per community and year: the counter row is bumped (and locked) inside the report's transaction, so a
 * rolled-back intake gives its number back and concurrent intakes queue on the row.
 */
@ApplicationScoped
public class TrackingNumberRepository {

    public Uni<Integer> next(String communityCode, int year) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into tracking_counter (community_code, year, last_value) values (:community, :year, 1)"
                        + " on conflict (community_code, year) do update set last_value = tracking_counter.last_value + 1"
                        + " returning last_value", Integer.class)
                .setParameter("community", communityCode)
                .setParameter("year", year)
                .getSingleResult());
    }
}
