package org.lookout.complaint.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The community ledger (台账): every change of the community's reports, in time order, read page by page (keyset over
 * {@code (at, id)} of {@code report_history}) so that a year of data is never held in memory at once. Never the
 * reporter's identity; confidential reports are reduced to tracking number and status change for everyone but admin.
 */
@ApplicationScoped
public class LedgerService {

    public static final int PAGE_SIZE = 500;
    public static final long MAX_DAYS = 366;
    public static final String CONFIDENTIAL = "confidential";

    private static final String PAGE = """
            select h.id, h.at, h.from_status, h.to_status, h.actor_role, h.note,
                   r.tracking_number, r.item_code, r.category_code, r.channel, r.confidential
              from report_history h join report r on r.id = h.report_id
             where r.community_code = $1 and h.at >= $2 and h.at < $3 and (h.at, h.id) > ($4, $5)
             order by h.at, h.id
             limit $6""";

    private final Pool pool;
    private final ZoneId zone;

    LedgerService(Pool pool, ComplaintConfig config) {
        this.pool = pool;
        this.zone = config.zone();
    }

    /** A checked ledger request: the community and the half-open instant range of its days. */
    public record Query(String community, LocalDate from, LocalDate to, Instant start, Instant end, boolean unmasked) {
    }

    /** One line of the ledger. For a masked confidential report only time, tracking number and statuses are filled. */
    public record Line(Instant at, String trackingNumber, String itemCode, String categoryCode, String channel,
            String fromStatus, String toStatus, String actorRole, String note) {
    }

    /** Parses and checks the parameters (400 naming the parameter), then the caller's scope (404 outside it). */
    public Uni<Query> check(String community, String from, String to, Caller caller) {
        if (community == null || community.isBlank()) {
            throw ProblemException.badRequest("community", "is required");
        }
        if (!community.matches("[A-Za-z0-9]{1,8}")) {
            throw ProblemException.badRequest("community", "is not a community code");
        }
        LocalDate today = LocalDate.now(zone);
        LocalDate toDate = to == null || to.isBlank() ? today : date("to", to);
        LocalDate fromDate = from == null || from.isBlank() ? toDate.minusDays(30) : date("from", from);
        if (fromDate.isAfter(toDate)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(fromDate, toDate) > MAX_DAYS) {
            throw ProblemException.badRequest("to", "must be at most " + MAX_DAYS + " days after from");
        }
        String code = community;
        Query query = new Query(code, fromDate, toDate, fromDate.atStartOfDay(zone).toInstant(),
                toDate.plusDays(1).atStartOfDay(zone).toInstant(), caller.is(Roles.ADMIN));
        return pool.preparedQuery("select street_code from community where code = $1").execute(Tuple.of(code))
                .map(rows -> {
                    var it = rows.iterator();
                    String street = it.hasNext() ? it.next().getString("street_code") : null;
                    boolean inScope = street != null && (caller.is(Roles.ADMIN)
                            || (caller.is(Roles.STAFF) && caller.inCommunity(code))
                            || (caller.is(Roles.SUPERVISOR) && caller.inStreet(street)));
                    if (!inScope) {
                        throw ProblemException.notFound("community " + code);
                    }
                    return query;
                });
    }

    /** The ledger's pages, fetched one after the other as the consumer asks for them. */
    public Multi<List<Line>> pages(Query query) {
        return Multi.createBy().repeating()
                .uni(() -> new Cursor(query.start(), 0L), cursor -> page(query, cursor))
                .whilst(page -> page.size() == PAGE_SIZE)
                .filter(page -> !page.isEmpty());
    }

    private Uni<List<Line>> page(Query query, Cursor cursor) {
        Tuple params = Tuple.tuple()
                .addString(query.community())
                .addOffsetDateTime(query.start().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.end().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(cursor.at.atOffset(ZoneOffset.UTC))
                .addLong(cursor.id)
                .addInteger(PAGE_SIZE);
        return pool.preparedQuery(PAGE).execute(params).map(rows -> {
            List<Line> page = new ArrayList<>(rows.size());
            for (Row row : rows) {
                OffsetDateTime at = row.getOffsetDateTime("at");
                cursor.at = at.toInstant();
                cursor.id = row.getLong("id");
                page.add(row(row, at.toInstant(), query.unmasked()));
            }
            return page;
        });
    }

    private static Line row(Row row, Instant at, boolean unmasked) {
        if (row.getBoolean("confidential") && !unmasked) {
            return new Line(at, row.getString("tracking_number"), CONFIDENTIAL, null, null,
                    row.getString("from_status"), row.getString("to_status"), null, null);
        }
        return new Line(at, row.getString("tracking_number"), row.getString("item_code"),
                row.getString("category_code"), row.getString("channel"), row.getString("from_status"),
                row.getString("to_status"), row.getString("actor_role"), row.getString("note"));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    private static final class Cursor {
        Instant at;
        long id;

        Cursor(Instant at, long id) {
            this.at = at;
            this.id = id;
        }
    }
}
