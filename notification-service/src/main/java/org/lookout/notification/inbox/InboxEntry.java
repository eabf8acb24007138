package org.lookout.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.lookout.notification.domain.Message;

import io.vertx.mutiny.sqlclient.Row;

/** One inbox entry as a reader sees it: {@code readAt} is the reader's own (a group entry is read by each member). */
public record InboxEntry(UUID id, long seq, String kind, String reference, UUID reportId, Message message,
        Instant createdAt, Instant readAt) {

    /** The columns {@link #of} reads. */
    static final String COLUMNS = "n.id, n.seq, n.kind, n.reference, n.report_id, n.title_zh, n.body_zh, n.title_en,"
            + " n.body_en, n.created_at, r.read_at";

    static InboxEntry of(Row row) {
        return new InboxEntry(row.getUUID("id"), row.getLong("seq"), row.getString("kind"), row.getString("reference"),
                row.getUUID("report_id"), new Message(row.getString("title_zh"), row.getString("body_zh"),
                        row.getString("title_en"), row.getString("body_en")),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("read_at") == null ? null : row.getOffsetDateTime("read_at").toInstant());
    }
}
