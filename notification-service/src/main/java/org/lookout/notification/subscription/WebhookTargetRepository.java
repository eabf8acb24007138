package org.lookout.notification.subscription;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.SubscriptionState;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the delivery worker reads of a subscription to send to it (plain SQL: outside any session). */
@ApplicationScoped
public class WebhookTargetRepository {

    /** A subscription as the sender needs it; secrets still sealed. */
    public record Target(UUID id, String url, SubscriptionState state, byte[] secret, byte[] previousSecret,
            Instant previousValidUntil) {
    }

    private final Pool pool;

    WebhookTargetRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Target> of(UUID subscriptionId) {
        return pool.preparedQuery("select id, url, state, secret, previous_secret, previous_valid_until from subscription"
                + " where id = $1").execute(Tuple.of(subscriptionId)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Target(row.getUUID("id"), row.getString("url"),
                            SubscriptionState.valueOf(row.getString("state")), bytes(row, "secret"),
                            bytes(row, "previous_secret"), row.getOffsetDateTime("previous_valid_until") == null ? null
                                    : row.getOffsetDateTime("previous_valid_until").toInstant());
                });
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
