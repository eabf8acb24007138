package org.lookout.complaint.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

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

    private final LedgerRepository ledger;
    private final ZoneId zone;

    LedgerService(LedgerRepository ledger, ComplaintConfig config) {
        this.ledger = ledger;
        this.zone = config.zone();
    }

    /** A checked ledger request: the community and the half-open instant range of its days. */
    public record Query(String community, LocalDate from, LocalDate to, Instant start, Instant end, boolean unmasked) {
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
        Query query = new Query(community, fromDate, toDate, fromDate.atStartOfDay(zone).toInstant(),
                toDate.plusDays(1).atStartOfDay(zone).toInstant(), caller.is(Roles.ADMIN));
        return ledger.streetOf(community).map(street -> {
            if (street == null || !ReportAccess.seesCommunity(caller, community, street)) {
                throw ProblemException.notFound("community " + community);
            }
            return query;
        });
    }

    /** The ledger's pages, fetched one after the other as the consumer asks for them. */
    public Multi<List<LedgerLine>> pages(Query query) {
        return Multi.createBy().repeating()
                .uni(() -> new Cursor(query.start(), 0L), cursor -> ledger
                        .page(query.community(), query.start(), query.end(), cursor.at, cursor.id, PAGE_SIZE)
                        .map(rows -> {
                            if (!rows.isEmpty()) {
                                cursor.at = rows.getLast().at();
                                cursor.id = rows.getLast().id();
                            }
                            return rows.stream().map(row -> line(row, query.unmasked())).toList();
                        }))
                .whilst(page -> page.size() == PAGE_SIZE)
                .filter(page -> !page.isEmpty());
    }

    private static LedgerLine line(LedgerRepository.Row row, boolean unmasked) {
        if (row.confidential() && !unmasked) {
            return new LedgerLine(row.at(), row.trackingNumber(), CONFIDENTIAL, null, null, row.fromStatus(),
                    row.toStatus(), null, null, row.reportId());
        }
        return new LedgerLine(row.at(), row.trackingNumber(), row.itemCode(), row.categoryCode(), row.channel(),
                row.fromStatus(), row.toStatus(), row.actorRole(), row.note(), row.reportId());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    /** Where the next page starts: after the last row read. */
    private static final class Cursor {
        Instant at;
        long id;

        Cursor(Instant at, long id) {
            this.at = at;
            this.id = id;
        }
    }
}
