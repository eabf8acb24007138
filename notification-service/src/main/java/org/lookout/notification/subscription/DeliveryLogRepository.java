package org.lookout.notification.subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The deliveries of a subscription and their attempts, for its owner; the replay of a dead one. */
@ApplicationScoped
public class DeliveryLogRepository {

    private final Pool pool;

    DeliveryLogRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first, each with its attempts in order. */
    public Uni<List<DeliveryView>> ofSubscription(UUID subscriptionId, int limit) {
        return pool.preparedQuery("select id, kind, source_event_id, report_id, state, attempts, created_at,"
                + " next_attempt_at, last_error from notification where subscription_id = $1 order by seq desc limit $2")
                .execute(Tuple.of(subscriptionId, limit))
                .chain(rows -> {
                    Map<UUID, Row> deliveries = new LinkedHashMap<>();
                    rows.forEach(row -> deliveries.put(row.getUUID("id"), row));
                    if (deliveries.isEmpty()) {
                        return Uni.createFrom().item(List.<DeliveryView> of());
                    }
                    return pool.preparedQuery("select notification_id, attempt, attempted_at, outcome, status_code,"
                            + " latency_ms, detail from delivery_attempt where notification_id = any($1)"
                            + " order by notification_id, attempt")
                            .execute(Tuple.of(deliveries.keySet().toArray(UUID[]::new)))
                            .map(attempts -> {
                                Map<UUID, List<DeliveryView.AttemptView>> logs = new LinkedHashMap<>();
                                for (Row attempt : attempts) {
                                    logs.computeIfAbsent(attempt.getUUID("notification_id"), id -> new ArrayList<>())
                                            .add(new DeliveryView.AttemptView(attempt.getInteger("attempt"),
                                                    instant(attempt.getOffsetDateTime("attempted_at")),
                                                    attempt.getString("outcome"), attempt.getInteger("status_code"),
                                                    attempt.getInteger("latency_ms"), attempt.getString("detail")));
                                }
                                List<DeliveryView> views = new ArrayList<>();
                                deliveries.forEach((id, row) -> views.add(new DeliveryView(id, "msg_" + id,
                                        row.getString("kind"), row.getString("source_event_id"),
                                        row.getUUID("report_id"), row.getString("state"), row.getInteger("attempts"),
                                        instant(row.getOffsetDateTime("created_at")),
                                        instant(row.getOffsetDateTime("next_attempt_at")), row.getString("last_error"),
                                        logs.getOrDefault(id, List.of()))));
                                return views;
                            });
                });
    }

    /** The state of one delivery of the subscription; null when it has none with this id. */
    public Uni<String> stateOf(UUID subscriptionId, UUID deliveryId) {
        return pool.preparedQuery("select state from notification where id = $1 and subscription_id = $2")
                .execute(Tuple.of(deliveryId, subscriptionId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("state") : null);
    }

    /** A dead delivery back in the queue, with a fresh set of attempts; false when it was not dead (any more). */
    public Uni<Boolean> replay(UUID subscriptionId, UUID deliveryId, Instant now) {
        return pool.preparedQuery("update notification set state = 'PENDING', attempts = 0, next_attempt_at = $3,"
                + " claimed_until = null, last_error = null where id = $1 and subscription_id = $2 and state = 'DEAD'")
                .execute(Tuple.of(deliveryId, subscriptionId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .call(updated -> updated.rowCount() == 1
                        ? pool.query("select pg_notify('lookout_notification', 'delivery')").execute()
                        : Uni.createFrom().nullItem())
                .map(updated -> updated.rowCount() == 1);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
