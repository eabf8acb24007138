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
 * claim must be visible to concurrent retries before the request runs, and must not roll back with the request.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Inserts the claim; takes over a row that has expired or whose request was abandoned; otherwise returns no row. */
    static final String CLAIM = """
            insert into idempotency_key (caller, idempotency_key, fingerprint, state, created_at, expires_at)
            values ($1, $2, $3, 'IN_PROGRESS', $4, $5)
            on conflict (caller, idempotency_key) do update
               set fingerprint = excluded.fingerprint, state = 'IN_PROGRESS', status = null, content_type = null,
                   location = null, body = null, created_at = excluded.created_at, expires_at = excluded.expires_at
             where idempotency_key.expires_at < excluded.created_at
                or (idempotency_key.state = 'IN_PROGRESS' and idempotency_key.created_at < $6)
            returning caller""";

    static final String FIND = """
            select fingerprint, state, status, content_type, location, body from idempotency_key
             where caller = $1 and idempotency_key = $2""";

    static final String COMPLETE = """
            update idempotency_key
               set state = 'COMPLETED', status = $4, content_type = $5, location = $6, body = $7
             where caller = $1 and idempotency_key = $2 and created_at = $3 and state = 'IN_PROGRESS'""";

    static final String RELEASE = """
            delete from idempotency_key where caller = $1 and idempotency_key = $2 and created_at = $3""";

    static final String PURGE = "delete from idempotency_key where expires_at < $1";

    private final Pool pool;

    IdempotencyStore(Pool pool) {
        this.pool = pool;
    }

    /** True when this request now owns the key and runs. */
    public Uni<Boolean> claim(Claim claim, OffsetDateTime expiresAt, OffsetDateTime abandonedBefore) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(claim.caller(), claim.key(), claim.fingerprint(), claim.claimedAt(), expiresAt,
                        abandonedBefore))
                .map(rows -> rows.size() == 1);
    }

    /** The row of an existing key, or null when it vanished in between (its first request failed with a 5xx). */
    public Uni<StoredAnswer> find(String caller, String key) {
        return pool.preparedQuery(FIND).execute(Tuple.of(caller, key)).map(IdempotencyStore::first);
    }

    public Uni<Void> complete(Claim claim, int status, String contentType, String location, byte[] body) {
        return pool.preparedQuery(COMPLETE)
                .execute(Tuple.tuple().addString(claim.caller()).addString(claim.key())
                        .addOffsetDateTime(claim.claimedAt()).addInteger(status).addString(contentType)
                        .addString(location).addBuffer(Buffer.buffer(body)))
                .replaceWithVoid();
    }

    public Uni<Void> release(Claim claim) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(claim.caller(), claim.key(), claim.claimedAt()))
                .replaceWithVoid();
    }

    /** Deletes expired keys; answers how many. */
    public Uni<Integer> purge(OffsetDateTime now) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(now)).map(RowSet::rowCount);
    }

    private static StoredAnswer first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        Buffer body = row.getBuffer("body");
        return new StoredAnswer(row.getString("fingerprint"), "COMPLETED".equals(row.getString("state")),
                row.getInteger("status"), row.getString("content_type"), row.getString("location"),
                body == null ? null : body.getBytes());
    }

    /** Who claimed which key for which request, and when (the claim's identity when it completes or is released). */
    public record Claim(String caller, String key, String fingerprint, OffsetDateTime claimedAt) {
    }
}
