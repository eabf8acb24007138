package org.lookout.complaint.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;


import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statistics as SQL aggregation: one query answers every group and the total of a request (grouping sets), so
 * no report is loaded into memory and the total is counted by the database, not summed by us. {@code $1} is the
 * instant "now" that decides what is due, {@code $2}..{@code $3} the half-open period of receipt.
 */
@ApplicationScoped
public class StatisticsRepository {

    /**
     * How the reports of one group become its figures; the definitions are those of docs/decisions/complaint-statistics.md,
     * formula for formula. {@code $1} is "now". A response is in time when it came by the response clock's due time
     * and before any breach of it (or, with no due time known, while it never breached).
     */
    private static final String FIGURES = """
            count(r.id) as reports,
            count(r.id) filter (where r.status <> 'REJECTED' and r.on_site_at is not null
                                  and (r.response_due_at is null or r.on_site_at <= r.response_due_at)
                                  and (r.response_breached_at is null or r.on_site_at <= r.response_breached_at))
                as on_site_in_time,
            count(r.id) filter (where r.status <> 'REJECTED' and r.responded_at is not null
                                  and (r.response_due_at is null or r.responded_at <= r.response_due_at)
                                  and (r.response_breached_at is null or r.responded_at <= r.response_breached_at))
                as contacted_in_time,
            count(r.id) filter (where r.status <> 'REJECTED' and (r.responded_at is not null
                                  or r.response_breached_at is not null or r.response_due_at <= $1)) as response_due,
            count(r.id) filter (where r.status in ('RESOLVED', 'CLOSED')) as resolved,
            count(r.id) filter (where r.status <> 'REJECTED'
                                  and (r.status in ('RESOLVED', 'CLOSED', 'CLOSED_UNRESOLVABLE')
                                       or r.resolution_breached_at is not null or r.resolution_due_at <= $1))
                as resolution_due,
            count(r.id) filter (where r.satisfied) as satisfied,
            count(r.id) filter (where r.satisfied is not null) as rated,
            count(r.id) filter (where r.satisfied and r.rated_by = 'REPORTER') as satisfied_by_reporter,
            count(r.id) filter (where r.rated_by = 'REPORTER') as rated_by_reporter,
            count(r.id) filter (where r.satisfied and r.rated_by = 'FOLLOW_UP') as satisfied_by_follow_up,
            count(r.id) filter (where r.rated_by = 'FOLLOW_UP') as rated_by_follow_up,
            round(avg(extract(epoch from r.responded_at - r.received_at))
                  filter (where r.responded_at is not null) / 3600, 2) as avg_hours_to_respond,
            round(avg(extract(epoch from r.resolved_at - r.received_at))
                  filter (where r.status in ('RESOLVED', 'CLOSED') and r.resolved_at is not null) / 3600, 2)
                as avg_hours_to_resolve""";

    /**
     * {@code $6}: the confidential reports (an inspector's figures) or the others (everyone else's): a confidential
     * report never counts in a community's figures or rankings.
     */
    private static final String GROUPED = """
            select grouping(%1$s) = 1 as total_row, %1$s as key, %2$s as label_zh, %3$s as label_en,
            %5$s
              from report r
              join community cm on cm.code = r.community_code
              join category ca on ca.code = r.category_code
              join taxonomy_item ti on ti.code = r.item_code
             where r.received_at >= $2 and r.received_at < $3
               and ($4::varchar is null or r.community_code = $4)
               and ($5::varchar is null or cm.street_code = $5)
               and r.confidential = $6
             group by grouping sets ((%4$s), ())
             order by total_row, %6$s""";

    private static final String PER_COMMUNITY_OF_STREET = """
            select false as total_row, cm.code as key, cm.name_zh as label_zh, cm.name_en as label_en,
            %s
              from community cm
              left join report r on r.community_code = cm.code and r.received_at >= $2 and r.received_at < $3
                                and not r.confidential
             where cm.street_code = $4
             group by cm.code, cm.name_zh, cm.name_en
             order by cm.code""".formatted(FIGURES);

    /** Every category, with or without reports, and the total: what residents see of their community. */
    private static final String PER_CATEGORY_OF_COMMUNITY = """
            select grouping(ca.code) = 1 as total_row, ca.code as key, ca.name_zh as label_zh, ca.name_en as label_en,
            %s
              from category ca
              left join report r on r.category_code = ca.code and r.received_at >= $2 and r.received_at < $3
                                and r.community_code = $4 and not r.confidential
             group by grouping sets ((ca.code, ca.name_zh, ca.name_en, ca.sort), ())
             order by total_row, ca.sort""".formatted(FIGURES);

    /** What the reports are grouped by: the key, its labels where there are some, and the order of the groups. */
    public enum Grouping {
        CATEGORY("r.category_code", "ca.name_zh", "ca.name_en", "ca.sort"),
        ITEM("r.item_code", "ti.name_zh", "ti.name_en", "ca.sort, ti.sort"),
        STATUS("r.status", null, null, null),
        MONTH(null, null, null, null),
        COMMUNITY("r.community_code", "cm.name_zh", "cm.name_en", null);

        private final String key;
        private final String labelZh;
        private final String labelEn;
        private final String order;

        Grouping(String key, String labelZh, String labelEn, String order) {
            this.key = key;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
            this.order = order;
        }

        String sql(ZoneId zone) {
            // the month of receipt on the calendar of the zone; a ZoneId's text is letters, digits and /_+-
            String keyExpression = this == MONTH ? "to_char(r.received_at at time zone '" + zone.getId()
                    + "', 'YYYY-MM')" : key;
            List<String> groupedBy = new ArrayList<>(List.of(keyExpression));
            if (labelZh != null) {
                groupedBy.add(labelZh);
                groupedBy.add(labelEn);
            }
            if (order != null) {
                groupedBy.add(order);
            }
            return GROUPED.formatted(keyExpression, labelZh == null ? "null" : labelZh,
                    labelEn == null ? "null" : labelEn, String.join(", ", groupedBy), FIGURES,
                    order == null ? "key" : order + ", key");
        }
    }

    /** The figures of one group, or of all of them ({@code total}). */
    public record GroupFigures(boolean total, String key, String labelZh, String labelEn, Figures figures) {
    }

    private final Pool pool;

    StatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The groups and, last, the total of the reports received in {@code [start, end)} in one community, or in the
     * communities of one street, or everywhere (both null): the confidential reports only, or all others.
     */
    public Uni<List<GroupFigures>> grouped(Grouping grouping, ZoneId zone, Instant now, Instant start, Instant end,
            String community, String street, boolean confidential) {
        Tuple params = Tuple.of(utc(now), utc(start), utc(end)).addString(community).addString(street)
                .addBoolean(confidential);
        return pool.preparedQuery(grouping.sql(zone)).execute(params).map(StatisticsRepository::figures);
    }

    /** Every category and the total of a community's reports received in {@code [start, end)}, confidential ones not. */
    public Uni<List<GroupFigures>> perCategoryOfCommunity(String community, Instant now, Instant start, Instant end) {
        Tuple params = Tuple.of(utc(now), utc(start), utc(end)).addString(community);
        return pool.preparedQuery(PER_CATEGORY_OF_COMMUNITY).execute(params).map(StatisticsRepository::figures);
    }

    /** Every community of the street, with or without reports in {@code [start, end)}, by code; confidential ones not. */
    public Uni<List<GroupFigures>> perCommunityOfStreet(String street, Instant now, Instant start, Instant end) {
        Tuple params = Tuple.of(utc(now), utc(start), utc(end)).addString(street);
        return pool.preparedQuery(PER_COMMUNITY_OF_STREET).execute(params).map(StatisticsRepository::figures);
    }

    /** The kind of a scope code: {@code community} (with its street) or {@code street}; empty when unknown. */
    public Uni<List<ScopeCode>> scope(String code) {
        return pool.preparedQuery("""
                select 'community' as kind, street_code from community where code = $1
                union all
                select 'street' as kind, code as street_code from street where code = $1""")
                .execute(Tuple.of(code))
                .map(rows -> {
                    List<ScopeCode> codes = new ArrayList<>();
                    for (Row row : rows) {
                        codes.add(new ScopeCode(row.getString("kind"), row.getString("street_code")));
                    }
                    return codes;
                });
    }

    /** A community's street and names; null when there is no such community. */
    public Uni<CommunityLabels> community(String code) {
        return pool.preparedQuery("select street_code, name_zh, name_en from community where code = $1")
                .execute(Tuple.of(code)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new CommunityLabels(row.getString("street_code"), row.getString("name_zh"),
                            row.getString("name_en"));
                });
    }

    /** A community's street and names. */
    public record CommunityLabels(String street, String labelZh, String labelEn) {
    }

    /** A scope code found in the reference data and the street it belongs to. */
    public record ScopeCode(String kind, String street) {
    }

    private static List<GroupFigures> figures(RowSet<Row> rows) {
        List<GroupFigures> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            long responseDue = row.getLong("response_due");
            Figures figures = new Figures(row.getLong("reports"),
                    Rate.of(row.getLong("on_site_in_time"), responseDue),
                    Rate.of(row.getLong("contacted_in_time"), responseDue),
                    Rate.of(row.getLong("resolved"), row.getLong("resolution_due")),
                    Rate.of(row.getLong("satisfied"), row.getLong("rated")),
                    Rate.of(row.getLong("satisfied_by_reporter"), row.getLong("rated_by_reporter")),
                    Rate.of(row.getLong("satisfied_by_follow_up"), row.getLong("rated_by_follow_up")),
                    hours(row, "avg_hours_to_respond"), hours(row, "avg_hours_to_resolve"));
            result.add(new GroupFigures(row.getBoolean("total_row"), row.getString("key"), row.getString("label_zh"),
                    row.getString("label_en"), figures));
        }
        return result;
    }

    private static BigDecimal hours(Row row, String column) {
        var value = row.getNumeric(column);
        return value == null ? null : value.bigDecimalValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
