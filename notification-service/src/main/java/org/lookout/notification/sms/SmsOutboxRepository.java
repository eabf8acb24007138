package org.lookout.notification.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class SmsOutboxRepository {

    private final Pool pool;

    SmsOutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records a message as the development provider's "sending". */
    public Uni<Void> record(UUID notificationId, String phone, String text, SmsSegments segments, Instant at) {
        return pool.preparedQuery("insert into sms_message (notification_id, phone, body, segments, encoding, sent_at)"
                + " values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.tuple().addUUID(notificationId).addString(phone).addString(text)
                        .addInteger(segments.segments()).addString(segments.encoding())
                        .addOffsetDateTime(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** The newest recorded messages first. */
    public Uni<List<SmsMessageView>> newest(int limit) {
        return pool.preparedQuery("select id, notification_id, phone, body, segments, encoding, sent_at from sms_message"
                + " order by id desc limit $1").execute(Tuple.of(limit)).map(rows -> {
                    List<SmsMessageView> views = new ArrayList<>();
                    for (Row row : rows) {
                        views.add(new SmsMessageView(row.getLong("id"), row.getUUID("notification_id"),
                                row.getString("phone"), row.getString("body"), row.getInteger("segments"),
                                row.getString("encoding"), row.getOffsetDateTime("sent_at").toInstant()));
                    }
                    return views;
                });
    }
}
