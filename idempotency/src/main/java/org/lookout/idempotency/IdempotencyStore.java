package org.lookout.idempotency;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code idempotency_key} table on the service's reactive pool. Each statement runs on its own (auto-commit): the
 * claim must be visible to concurrent retries before the request runs, and must not roll back with the request. Rows
 * are found by {@link Sealing#rowId()} and hold the answer's location and body sealed; caller and key are not stored.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Inserts the claim; takes over a row that has expired or whose request was abandoned; otherwise returns no row. */
    static final String CLAIM = """
            insert into idempotency_key (row_id, fingerprint, state, created_at, expires_at)
            values ($1, $2, 'IN_PROGRESS', $3, $4)
            on conflict (row_id) do update
               set fingerprint = excluded.fingerprint, state = 'IN_PROGRESS', status = null, content_type = null,
                   sealed_location = null, body = null, created_at = excluded.created_at,
                   expires_at = excluded.expires_at
             where idempotency_key.expires_at < excluded.created_at
                or (idempotency_key.state = 'IN_PROGRESS' and idempotency_key.created_at < $5)
            returning row_id""";

    static final String FIND = """
            select fingerprint, state, status, content_type, sealed_location, body from idempotency_key
             where row_id = $1""";

    static final String COMPLETE = """
            update idempotency_key
               set state = 'COMPLETED', status = $3, content_type = $4, sealed_location = $5, body = $6
             where row_id = $1 and created_at = $2 and state = 'IN_PROGRESS'""";

    static final String RELEASE = """
            delete from idempotency_key where row_id = $1 and created_at = $2""";

    static final String PURGE = "delete from idempotency_key where expires_at < $1";

    private final Pool pool;

    IdempotencyStore(Pool pool) {
        this.pool = pool;
    }

    /** True when this request now owns the key and runs. */
    public Uni<Boolean> claim(Claim claim, OffsetDateTime expiresAt, OffsetDateTime abandonedBefore) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(claim.sealing().rowId(), claim.fingerprint(), claim.claimedAt(), expiresAt,
                        abandonedBefore))
                .map(rows -> rows.size() == 1);
    }

    /** The row of an existing key, or null when it vanished in between (its first request failed with a 5xx). */
    public Uni<StoredAnswer> find(Claim claim) {
        Sealing sealing = claim.sealing();
        return pool.preparedQuery(FIND).execute(Tuple.of(sealing.rowId())).map(rows -> first(rows, sealing));
    }

    public Uni<Void> complete(Claim claim, int status, String contentType, String location, byte[] body) {
        Sealing sealing = claim.sealing();
        byte[] sealedLocation = sealing.sealText(location);
        Tuple row = Tuple.tuple().addString(sealing.rowId()).addOffsetDateTime(claim.claimedAt()).addInteger(status)
                .addString(contentType);
        // an answer without Location (a 4xx, a 201 that names none): addBuffer(null) would fail unwrapping it
        row = sealedLocation == null ? row.addValue(null) : row.addBuffer(Buffer.buffer(sealedLocation));
        return pool.preparedQuery(COMPLETE).execute(row.addBuffer(Buffer.buffer(sealing.seal(body))))
                .replaceWithVoid();
    }

    public Uni<Void> release(Claim claim) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(claim.sealing().rowId(), claim.claimedAt()))
                .replaceWithVoid();
    }

    /** Deletes expired keys; answers how many. */
    public Uni<Integer> purge(OffsetDateTime now) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(now)).map(RowSet::rowCount);
    }

    private static StoredAnswer first(RowSet<Row> rows, Sealing sealing) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        Buffer body = row.getBuffer("body");
        Buffer location = row.getBuffer("sealed_location");
        return new StoredAnswer(row.getString("fingerprint"), "COMPLETED".equals(row.getString("state")),
                row.getInteger("status"), row.getString("content_type"),
                location == null ? null : sealing.openText(location.getBytes()),
                body == null ? null : sealing.open(body.getBytes()));
    }

    /**
     * Which row a request claimed, for which request, and when (the claim's identity when it completes or is
     * released); the sealing holds the row id and the answer's key, derived from the caller and the key in memory only.
     */
    public record Claim(Sealing sealing, String fingerprint, OffsetDateTime claimedAt) {

        public static Claim of(String caller, String key, String fingerprint, OffsetDateTime claimedAt) {
            return new Claim(Sealing.of(caller, key), fingerprint, claimedAt);
        }
    }
}
