package org.lookout.complaint.intake;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The pre-filter of possible duplicates, in SQL. */
@ApplicationScoped
public class PossibleDuplicateRepository {

    private static final NamedStatement SIMILAR = NamedStatement.of("""
            select tracking_number, status, received_at, latitude, longitude, building
              from possible_duplicates(:community, :item, :since, :except, :building, :hasBox, :minLat, :maxLat,
                                       :minLon, :maxLon, :limit)""");

    private final Pool pool;

    PossibleDuplicateRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The newest open reports of an item in a community received since {@code since} that are in the building (compared
     * without case and spaces) or inside the bounding box (null: no coordinates to compare), at most {@code limit}:
     * tracking number, status, received at, latitude, longitude, building. Filtered in SQL on index
     * {@code report_open_by_item}, read as plain rows (no entities in the session): the cost stays bounded however
     * many similar reports a community has. The query is the database function {@code possible_duplicates} (V67), so
     * that PostgreSQL plans it once per connection rather than at every intake. {@code standalone}: on the pool;
     * otherwise in the current session, in its transaction when it has one.
     */
    public Uni<List<Object[]>> similarOpenSince(String itemCode, String communityCode, Instant since, UUID except,
            String buildingKey, double[] box, int limit, boolean standalone) {
        Map<String, Object> values = new HashMap<>();
        values.put("community", communityCode);
        values.put("item", itemCode);
        values.put("since", since);
        values.put("except", except);
        values.put("building", buildingKey);
        values.put("hasBox", box != null);
        values.put("minLat", box == null ? 0d : box[0]);
        values.put("maxLat", box == null ? 0d : box[1]);
        values.put("minLon", box == null ? 0d : box[2]);
        values.put("maxLon", box == null ? 0d : box[3]);
        values.put("limit", limit);
        if (standalone) {
            return SIMILAR.rowsOnPool(pool, values);
        }
        return Panache.getSession()
                .chain(session -> SIMILAR.inSession(session, Object[].class, values).getResultList());
    }
}
