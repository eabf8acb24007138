package org.lookout.escalation.board;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.escalation.board.BoardView.AgencyQueue;
import org.lookout.escalation.board.BoardView.ClockAtRisk;
import org.lookout.escalation.board.BoardView.OldestOpen;
import org.lookout.escalation.board.BoardView.Waiting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The board as SQL aggregation over the open part of the data only: partial indexes hold the open clocks and the
 * waiting escalations (migration V43), so the board costs what is open, not the years of closed reports. {@code $1} is
 * always the board's communities; reports about officials (confidential) are left out of every query.
 */
@ApplicationScoped
public class BoardRepository {

    /** A clock that is still open: running, paused, or breached with its work not done. Matches the partial index. */
    private static final String OPEN_CLOCK = """
            not c.confidential and (c.state in ('RUNNING', 'PAUSED') or (c.state = 'BREACHED' and c.stopped_at is null))""";

    /**
     * An escalation waiting for someone to act. Matches the partial index; a copy for information (kind INFORM, issue 14)
     * waits for nobody and has no deadline, so it is left out.
     */
    private static final String WAITING = """
            not e.confidential and e.status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE') and e.kind = 'ACT'""";

    private static final String CLOCK_FIGURES = """
            with open_clock as (
                select c.community_code, c.report_id, c.item_code, c.state, c.warned_at, c.report_received_at
                  from sla_clock c
                 where c.community_code = any($1) and %s
            ), figures as (
                select community_code, count(distinct report_id) as open_reports,
                       count(*) filter (where state <> 'BREACHED' and warned_at is not null) as warned,
                       count(*) filter (where state = 'BREACHED') as breached
                  from open_clock
                 group by community_code
            ), oldest as (
                select distinct on (community_code) community_code, report_id, item_code,
                       report_received_at as since
                  from open_clock
                 order by community_code, report_received_at, report_id
            )
            select f.community_code, f.open_reports, f.warned, f.breached, o.report_id, o.item_code, o.since
              from figures f
              join oldest o on o.community_code = f.community_code""".formatted(OPEN_CLOCK);

    private static final String CLOCKS_AT_RISK = """
            select c.report_id, c.community_code, c.item_code, c.kind, c.state, c.started_at, c.warn_at, c.due_at,
                   c.warned_at, c.breached_at
              from sla_clock c
             where c.community_code = any($1) and %s and (c.state = 'BREACHED' or c.warned_at is not null)
             order by c.state = 'BREACHED' desc, c.due_at, c.report_id
             limit $2""".formatted(OPEN_CLOCK);

    private static final String ESCALATION_FIGURES = """
            select e.community_code, count(*) as waiting, count(*) filter (where e.status = 'OVERDUE') as overdue
              from escalation e
             where e.community_code = any($1) and %s
             group by e.community_code""".formatted(WAITING);

    private static final String QUEUES = """
            select * from (
                select p.agency_code, a.kind, p.street_code, e.id, e.report_id, e.community_code, e.trigger, p.status,
                       e.opened_at, e.due_at,
                       row_number() over (partition by p.agency_code order by e.due_at, e.id) as place,
                       count(*) over (partition by p.agency_code) as waiting,
                       count(*) filter (where p.status = 'OVERDUE') over (partition by p.agency_code) as overdue
                  from escalation e
                  join escalation_part p on p.escalation_id = e.id
                  join agency a on a.code = p.agency_code
                 where e.community_code = any($1) and %s and p.status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE')
            ) queued
             where place <= $2
             order by agency_code, place""".formatted(WAITING);

    /** Open clocks of one community: how many reports, warned and breached clocks, and the oldest report. */
    record ClockFigures(long openReports, long warned, long breached, OldestOpen oldest) {
    }

    /** Waiting escalations of one community and, of those, the overdue. */
    record EscalationFigures(long waiting, long overdue) {
    }

    private final Pool pool;

    BoardRepository(Pool pool) {
        this.pool = pool;
    }

    /** The street of a community in this service's copy of the reference data. */
    public Uni<Optional<String>> streetOf(String community) {
        return pool.preparedQuery("select street_code from community where code = $1").execute(Tuple.of(community))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("street_code")));
    }

    /** The communities of a street in this service's copy, by code. */
    public Uni<List<String>> communitiesOf(String street) {
        return pool.preparedQuery("select code from community where street_code = $1 order by code")
                .execute(Tuple.of(street)).map(rows -> {
                    List<String> codes = new ArrayList<>();
                    rows.forEach(row -> codes.add(row.getString("code")));
                    return codes;
                });
    }

    /** Per community with something open: the open clocks' figures and its oldest open report. */
    public Uni<Map<String, ClockFigures>> clockFigures(List<String> communities) {
        return pool.preparedQuery(CLOCK_FIGURES).execute(Tuple.of(communities.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, ClockFigures> figures = new LinkedHashMap<>();
                    for (Row row : rows) {
                        figures.put(row.getString("community_code"), new ClockFigures(row.getLong("open_reports"),
                                row.getLong("warned"), row.getLong("breached"), new OldestOpen(
                                        row.getUUID("report_id"), row.getString("item_code"), instant(row, "since"))));
                    }
                    return figures;
                });
    }

    /** The clocks warned or breached now, breached first, then by due time; at most {@code limit}. */
    public Uni<List<ClockAtRisk>> clocksAtRisk(List<String> communities, int limit) {
        return pool.preparedQuery(CLOCKS_AT_RISK).execute(Tuple.of(communities.toArray(String[]::new), limit))
                .map(rows -> {
                    List<ClockAtRisk> clocks = new ArrayList<>();
                    for (Row row : rows) {
                        String state = row.getString("state");
                        clocks.add(new ClockAtRisk(row.getUUID("report_id"), row.getString("community_code"),
                                row.getString("item_code"), row.getString("kind"),
                                "BREACHED".equals(state) ? "BREACHED" : "WARNED", state, instant(row, "started_at"),
                                instant(row, "warn_at"), instant(row, "due_at"), instant(row, "warned_at"),
                                instant(row, "breached_at")));
                    }
                    return clocks;
                });
    }

    /** Per community with something waiting: waiting and overdue escalations. */
    public Uni<Map<String, EscalationFigures>> escalationFigures(List<String> communities) {
        return pool.preparedQuery(ESCALATION_FIGURES).execute(Tuple.of(communities.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, EscalationFigures> figures = new LinkedHashMap<>();
                    for (Row row : rows) {
                        figures.put(row.getString("community_code"),
                                new EscalationFigures(row.getLong("waiting"), row.getLong("overdue")));
                    }
                    return figures;
                });
    }

    /** What waits for each addressee (agency or street office): counts, and its first {@code limit} by deadline. */
    public Uni<List<AgencyQueue>> queues(List<String> communities, int limit) {
        return pool.preparedQuery(QUEUES).execute(Tuple.of(communities.toArray(String[]::new), limit)).map(rows -> {
            Map<String, AgencyQueue> queues = new LinkedHashMap<>();
            for (Row row : rows) {
                AgencyQueue queue = queues.computeIfAbsent(row.getString("agency_code"), code -> new AgencyQueue(code,
                        row.getString("kind"), row.getString("street_code"), row.getLong("waiting"),
                        row.getLong("overdue"), instant(row, "due_at"), new ArrayList<>()));
                queue.escalations().add(new Waiting(row.getUUID("id"), row.getUUID("report_id"),
                        row.getString("community_code"), row.getString("trigger"), row.getString("status"),
                        instant(row, "opened_at"), instant(row, "due_at")));
            }
            // the addressee whose deadline comes first, first
            return queues.values().stream()
                    .sorted(Comparator.comparing(AgencyQueue::nextDueAt).thenComparing(AgencyQueue::agencyCode))
                    .map(queue -> new AgencyQueue(queue.agencyCode(), queue.agencyKind(), queue.streetCode(),
                            queue.waiting(), queue.overdue(), queue.nextDueAt(), List.copyOf(queue.escalations())))
                    .toList();
        });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
