package org.lookout.complaint.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The pre-filter of possible duplicates, in SQL. */
@ApplicationScoped
public class PossibleDuplicateRepository {

    /**
     * The newest open reports of an item in a community received since {@code since} that are in the building (compared
     * without case and spaces) or inside the bounding box (null: no coordinates to compare), at most {@code limit}:
     * tracking number, status, received at, latitude, longitude, building. Filtered in SQL on index
     * {@code report_open_by_item}, read as plain rows (no entities in the session): the cost stays bounded however
     * many similar reports a community has. The query is the database function {@code possible_duplicates} (V67), so
     * that PostgreSQL plans it once per connection rather than at every intake.
     */
    public Uni<List<Object[]>> similarOpenSince(String itemCode, String communityCode, Instant since, UUID except,
            String buildingKey, double[] box, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select tracking_number, status, received_at, latitude, longitude, building
                  from possible_duplicates(:community, :item, :since, :except, :building, :hasBox, :minLat, :maxLat,
                                           :minLon, :maxLon, :limit)""", Object[].class)
                .setParameter("community", communityCode)
                .setParameter("item", itemCode)
                .setParameter("since", since)
                .setParameter("except", except)
                .setParameter("building", buildingKey)
                .setParameter("hasBox", box != null)
                .setParameter("minLat", box == null ? 0d : box[0])
                .setParameter("maxLat", box == null ? 0d : box[1])
                .setParameter("minLon", box == null ? 0d : box[2])
                .setParameter("maxLon", box == null ? 0d : box[3])
                .setParameter("limit", limit)
                .getResultList());
    }
}
