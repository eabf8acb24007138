package org.lookout.notification.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.notification.domain.DeliveryChannel;
import org.lookout.notification.domain.DeliveryOutcome;
import org.lookout.notification.domain.DeliveryState;
import org.lookout.notification.domain.Message;
import org.lookout.notification.domain.Outgoing;
import org.lookout.notification.domain.SendResult;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The queue of emails, SMS and webhooks, in the notification table: a worker claims due deliveries with {@code FOR
 * UPDATE SKIP LOCKED} (several workers never take the same one) for a lease, sends them with no transaction open, then
 * records each outcome with its attempt in one short transaction. A claim whose worker died is taken up again when its
 * lease lapses. Plain SQL on the reactive pool: it runs outside any Hibernate session.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** What {@link #complete} wrote: the state the delivery is in now. */
    public record Completion(DeliveryState state, Instant nextAttemptAt) {
    }

    private final Pool pool;

    DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /** Claims up to {@code limit} due deliveries until {@code leaseUntil}, oldest due first; each counts an attempt. */
    public Uni<List<Outgoing>> claim(Instant now, Instant leaseUntil, int limit) {
        return pool.preparedQuery("update notification n set state = 'SENDING', claimed_until = $1,"
                + " attempts = n.attempts + 1"
                + " from (select id from notification where channel <> 'INBOX' and next_attempt_at <= $2"
                + "   and (state in ('PENDING', 'FAILED') or (state = 'SENDING' and claimed_until < $2))"
                + "   order by next_attempt_at limit $3 for update skip locked) due"
                + " where n.id = due.id"
                + " returning n.id, n.channel, n.recipient_ref, n.kind, n.reference, n.report_id, n.title_zh, n.body_zh,"
                + " n.title_en, n.body_en, n.source_event_id, n.event_type, n.attempts, n.subscription_id, n.about_ref,"
                + " n.webhook_body, n.created_at")
                .execute(Tuple.of(at(leaseUntil), at(now), limit))
                .map(rows -> {
                    List<Outgoing> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Outgoing(row.getUUID("id"), DeliveryChannel.valueOf(row.getString("channel")),
                                row.getString("recipient_ref"), row.getString("kind"), row.getString("reference"),
                                row.getUUID("report_id"), new Message(row.getString("title_zh"), row.getString("body_zh"),
                                        row.getString("title_en"), row.getString("body_en")),
                                row.getString("source_event_id"), row.getString("event_type"), row.getInteger("attempts"),
                                row.getUUID("subscription_id"), row.getString("about_ref"), row.getString("webhook_body"),
                                row.getOffsetDateTime("created_at").toInstant()));
                    }
                    return claimed;
                });
    }

    /**
     * Records one attempt and moves the delivery on: sent; held (not an attempt: it goes again at the given time);
     * skipped; failed and due again after {@code wait}; or dead when this was its last attempt or a final failure. A
     * webhook's outcome also marks its subscription (a success ends its failing streak; a 410 disables it).
     */
    public Uni<Completion> complete(Outgoing delivery, SendResult result, Instant now, java.time.Duration wait,
            int maxAttempts) {
        DeliveryState state;
        Instant next = null;
        DeliveryOutcome logged = result.outcome();
        int attempts = delivery.attempt();
        switch (result.outcome()) {
            case DELIVERED -> state = DeliveryState.SENT;
            case SKIPPED -> state = DeliveryState.SKIPPED;
            case HELD -> {
                state = DeliveryState.PENDING;
                next = result.heldUntil();
                attempts = attempts - 1;
            }
            default -> {
                if (result.permanent() || attempts >= maxAttempts) {
                    state = DeliveryState.DEAD;
                    logged = DeliveryOutcome.DEAD;
                } else {
                    state = DeliveryState.FAILED;
                    next = now.plus(wait);
                }
            }
        }
        String detail = Redaction.of(result.detail());
        DeliveryState finalState = state;
        Instant finalNext = next;
        int finalAttempts = attempts;
        DeliveryOutcome finalLogged = logged;
        return pool.withTransaction(connection -> connection
                .preparedQuery("update notification set state = $2, next_attempt_at = $3, claimed_until = null,"
                        + " last_error = $4, attempts = $5 where id = $1")
                .execute(Tuple.of(delivery.id(), finalState.name(), at(finalNext), detail, finalAttempts))
                .chain(() -> connection.preparedQuery("insert into delivery_attempt (notification_id, source_event_id,"
                        + " channel, attempt, attempted_at, outcome, detail, status_code, latency_ms, subscription_id)"
                        + " select $1, $2, $3, coalesce(max(attempt), 0) + 1, $4, $5, $6, $7, $8, $9"
                        + " from delivery_attempt where notification_id = $1")
                        .execute(Tuple.tuple().addUUID(delivery.id()).addString(delivery.sourceEventId())
                                .addString(delivery.channel().name()).addOffsetDateTime(at(now))
                                .addString(finalLogged.name()).addString(detail).addInteger(result.status())
                                .addInteger(result.latencyMs()).addUUID(delivery.subscriptionId())))
                .chain(() -> delivery.subscriptionId() == null || result.outcome() == DeliveryOutcome.HELD
                        || result.outcome() == DeliveryOutcome.SKIPPED ? Uni.createFrom().voidItem()
                        : markSubscription(connection, delivery, result, now)))
                .replaceWith(new Completion(finalState, finalNext));
    }

    /** The webhook body, written on the first attempt and sent unchanged on every retry. */
    public Uni<Void> storeWebhookBody(java.util.UUID id, String body) {
        return pool.preparedQuery("update notification set webhook_body = $2 where id = $1 and webhook_body is null")
                .execute(Tuple.of(id, body)).replaceWithVoid();
    }

    private static Uni<Void> markSubscription(io.vertx.mutiny.sqlclient.SqlConnection connection, Outgoing delivery,
            SendResult result, Instant now) {
        if (result.outcome() == DeliveryOutcome.DELIVERED) {
            return connection.preparedQuery("update subscription set last_success_at = $2, failing_since = null"
                    + " where id = $1").execute(Tuple.of(delivery.subscriptionId(), at(now))).replaceWithVoid();
        }
        if (result.permanent() && Integer.valueOf(410).equals(result.status())) {
            return connection.preparedQuery("update subscription set state = 'DISABLED', disabled_at = $2,"
                    + " disabled_reason = '410 Gone: the receiver asked to stop', owner_told_at = null,"
                    + " failing_since = coalesce(failing_since, $2), version = version + 1"
                    + " where id = $1 and state <> 'DISABLED'")
                    .execute(Tuple.of(delivery.subscriptionId(), at(now))).replaceWithVoid();
        }
        return connection.preparedQuery("update subscription set failing_since = coalesce(failing_since, $2) where id = $1")
                .execute(Tuple.of(delivery.subscriptionId(), at(now))).replaceWithVoid();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
