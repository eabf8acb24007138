package org.lookout.escalation.metrics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** How many clocks breached in a period, per community and kind; reports about officials (confidential) left out. */
@ApplicationScoped
public class BreachCountRepository {

    /** Breaches of one community and clock kind. */
    public record BreachCount(String community, String kind, long breaches) {
    }

    private static final String BREACHES = """
            select community_code, kind, count(*) as breaches
              from sla_clock
             where breached_at >= $1 and breached_at < $2 and not confidential
             group by community_code, kind""";

    private final Pool pool;

    BreachCountRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<BreachCount>> between(Instant start, Instant end) {
        return pool.preparedQuery(BREACHES)
                .execute(Tuple.of(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<BreachCount> counts = new ArrayList<>();
                    for (Row row : rows) {
                        counts.add(new BreachCount(row.getString("community_code"), row.getString("kind"),
                                row.getLong("breaches")));
                    }
                    return counts;
                });
    }
}
