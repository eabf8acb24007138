package org.lookout.notification.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The in-app entries of a set of addresses (a caller's own and their groups'), by the inbox sequence: newest first for
 * the inbox, oldest first after a stream's last event id. Read state is per reader. Plain SQL on the reactive pool.
 */
@ApplicationScoped
public class InboxRepository {

    private final Pool pool;

    InboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** Newest first, before {@code beforeSeq} when given, only unread when asked. */
    public Uni<List<InboxEntry>> page(Set<String> addresses, String reader, Long beforeSeq, boolean unreadOnly, int limit) {
        return pool.preparedQuery("select " + InboxEntry.COLUMNS + " from notification n"
                + " left join notification_read r on r.notification_id = n.id and r.reader_ref = $2"
                + " where n.channel = 'INBOX' and n.recipient_ref = any($1) and ($3::bigint is null or n.seq < $3)"
                + " and (not $4 or r.read_at is null) order by n.seq desc limit $5")
                .execute(Tuple.tuple().addArrayOfString(addresses.toArray(String[]::new)).addString(reader)
                        .addLong(beforeSeq).addBoolean(unreadOnly).addInteger(limit))
                .map(InboxRepository::entries);
    }

    /** Oldest first, after {@code afterSeq}: what a stream missed. */
    public Uni<List<InboxEntry>> after(Set<String> addresses, String reader, long afterSeq, int limit) {
        return pool.preparedQuery("select " + InboxEntry.COLUMNS + " from notification n"
                + " left join notification_read r on r.notification_id = n.id and r.reader_ref = $2"
                + " where n.channel = 'INBOX' and n.recipient_ref = any($1) and n.seq > $3 order by n.seq limit $4")
                .execute(Tuple.tuple().addArrayOfString(addresses.toArray(String[]::new)).addString(reader)
                        .addLong(afterSeq).addInteger(limit))
                .map(InboxRepository::entries);
    }

    /** Every address's entries after {@code afterSeq}, oldest first: what the live streams have not seen yet. */
    public Uni<List<Addressed>> newSince(long afterSeq, int limit) {
        return pool.preparedQuery("select n.recipient_ref, n.id, n.seq, n.kind, n.reference, n.report_id, n.title_zh,"
                + " n.body_zh, n.title_en, n.body_en, n.created_at, null::timestamptz as read_at from notification n"
                + " where n.channel = 'INBOX' and n.seq > $1 order by n.seq limit $2")
                .execute(Tuple.of(afterSeq, limit)).map(rows -> {
                    List<Addressed> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new Addressed(row.getString("recipient_ref"), InboxEntry.of(row)));
                    }
                    return found;
                });
    }

    /** The highest inbox sequence written so far (0 for none). */
    public Uni<Long> latest() {
        return pool.query("select coalesce(max(seq), 0) as latest from notification where channel = 'INBOX'").execute()
                .map(rows -> rows.iterator().next().getLong("latest"));
    }

    public Uni<InboxEntry> one(UUID id, Set<String> addresses, String reader) {
        return pool.preparedQuery("select " + InboxEntry.COLUMNS + " from notification n"
                + " left join notification_read r on r.notification_id = n.id and r.reader_ref = $3"
                + " where n.id = $1 and n.channel = 'INBOX' and n.recipient_ref = any($2)")
                .execute(Tuple.tuple().addUUID(id).addArrayOfString(addresses.toArray(String[]::new)).addString(reader))
                .map(rows -> rows.iterator().hasNext() ? InboxEntry.of(rows.iterator().next()) : null);
    }

    /** Marks an entry read by {@code reader}; reading it again keeps the first time. */
    public Uni<Void> markRead(UUID id, String reader, Instant at) {
        return pool.preparedQuery("insert into notification_read (notification_id, reader_ref, read_at)"
                + " values ($1, $2, $3) on conflict do nothing")
                .execute(Tuple.of(id, reader, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Marks every entry of the addresses up to {@code upToSeq} read; answers how many were unread. */
    public Uni<Integer> markAllRead(Set<String> addresses, String reader, long upToSeq, Instant at) {
        return pool.preparedQuery("insert into notification_read (notification_id, reader_ref, read_at)"
                + " select n.id, $2, $4 from notification n where n.channel = 'INBOX' and n.recipient_ref = any($1)"
                + " and n.seq <= $3 on conflict do nothing")
                .execute(Tuple.tuple().addArrayOfString(addresses.toArray(String[]::new)).addString(reader)
                        .addLong(upToSeq).addOffsetDateTime(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .map(result -> result.rowCount());
    }

    public Uni<Long> unread(Set<String> addresses, String reader) {
        return pool.preparedQuery("select count(*) as unread from notification n where n.channel = 'INBOX'"
                + " and n.recipient_ref = any($1) and not exists (select 1 from notification_read r"
                + " where r.notification_id = n.id and r.reader_ref = $2)")
                .execute(Tuple.tuple().addArrayOfString(addresses.toArray(String[]::new)).addString(reader))
                .map(rows -> rows.iterator().next().getLong("unread"));
    }

    /** An entry with the address it was written to. */
    public record Addressed(String address, InboxEntry entry) {
    }

    private static List<InboxEntry> entries(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<InboxEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(InboxEntry.of(row));
        }
        return entries;
    }
}
