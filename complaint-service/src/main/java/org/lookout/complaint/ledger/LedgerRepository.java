package org.lookout.complaint.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger's rows: the history entries of a community's reports in {@code (at, id)} order, read a page at a time
 * (keyset), as plain rows on the reactive client so that no entity piles up in a session. The history row carries its
 * report's community (V66), so a page walks {@code report_history_community_at} over the community's own changes only.
 */
@ApplicationScoped
public class LedgerRepository {

    private static final String PAGE = """
            select h.id, h.report_id, h.at, h.from_status, h.to_status, h.actor_role, h.note,
                   r.tracking_number, r.item_code, r.category_code, r.channel, r.confidential
              from report_history h join report r on r.id = h.report_id
             where h.community_code = $1 and h.at >= $2 and h.at < $3 and (h.at, h.id) > ($4, $5)
             order by h.at, h.id
             limit $6""";

    /** One history entry with the report facts the ledger shows. */
    record Row(long id, UUID reportId, Instant at, String fromStatus, String toStatus, String actorRole, String note,
            String trackingNumber, String itemCode, String categoryCode, String channel, boolean confidential) {
    }

    private final Pool pool;

    LedgerRepository(Pool pool) {
        this.pool = pool;
    }

    /** The street of a community; null for an unknown one. */
    Uni<String> streetOf(String community) {
        return pool.preparedQuery("select street_code from community where code = $1").execute(Tuple.of(community))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? it.next().getString("street_code") : null;
                });
    }

    /** At most {@code limit} entries of the community in {@code [start, end)} after {@code (afterAt, afterId)}. */
    Uni<List<Row>> page(String community, Instant start, Instant end, Instant afterAt, long afterId, int limit) {
        Tuple params = Tuple.tuple()
                .addString(community)
                .addOffsetDateTime(start.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(end.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(afterAt.atOffset(ZoneOffset.UTC))
                .addLong(afterId)
                .addInteger(limit);
        return pool.preparedQuery(PAGE).execute(params).map(rows -> {
            List<Row> page = new ArrayList<>(rows.size());
            for (io.vertx.mutiny.sqlclient.Row row : rows) {
                page.add(new Row(row.getLong("id"), row.getUUID("report_id"), row.getOffsetDateTime("at").toInstant(),
                        row.getString("from_status"), row.getString("to_status"), row.getString("actor_role"),
                        row.getString("note"), row.getString("tracking_number"), row.getString("item_code"),
                        row.getString("category_code"), row.getString("channel"), row.getBoolean("confidential")));
            }
            return page;
        });
    }
}
