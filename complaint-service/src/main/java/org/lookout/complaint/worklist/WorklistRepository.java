package org.lookout.complaint.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAccess.WorklistScope;
import org.lookout.complaint.domain.ReportStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A worklist page as one SQL query: the caller's scope, the filters, the keyset position and the order, each a
 * parameterised condition. The indexes it relies on were chosen from {@code EXPLAIN (ANALYZE, BUFFERS)} on 100,000
 * reports (V42; figures in the README): each scope's order is an index's order, so a page reads about as many rows as it
 * shows.
 */
@ApplicationScoped
public class WorklistRepository {

    /** A clock is warned while it runs: warned, not breached, not met. */
    private static final String WARNED = """
            ((r.responded_at is null and r.response_warned_at is not null and r.response_breached_at is null)
             or (r.status not in ('RESOLVED', 'CLOSED', 'CLOSED_UNRESOLVABLE', 'REJECTED')
                 and r.resolution_warned_at is not null and r.resolution_breached_at is null))""";

    private static final String BREACHED = "(r.response_breached_at is not null or r.resolution_breached_at is not null)";

    private static final String UNRATED = "(r.status in ('RESOLVED', 'CLOSED') and r.satisfied is null)";

    private static final String RATED = "r.satisfied is not null";

    /** The character pairs of a report's searchable text, as the index report_worklist_text holds them. */
    private static final String TEXT_BIGRAMS = "report_text_bigrams(r.tracking_number || ' ' || r.title || ' '"
            + " || coalesce(r.address, ''))";

    /** A whole tracking number as intake draws it: community code, year, a number of at least six digits. */
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z]{2,8}-[0-9]{4}-[0-9]{6,}");

    /** The communities of some streets, for supervisors and inspectors. */
    private static final String IN_STREETS = "r.community_code in (select c.code from community c"
            + " where c.street_code in (:streets))";

    /** At most {@code filter.limit()} reports of the scope that pass the filter, after the cursor, in order. */
    Uni<List<Report>> page(WorklistScope scope, WorklistFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        scope(scope, where, parameters);
        filters(filter, where, parameters);
        position(filter.sort(), filter.after(), where, parameters);
        String sql = "select r.* from report r" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + (filter.sort() == WorklistSort.DUE ? " order by r.due_at asc nulls last, r.id asc"
                        : " order by r.received_at desc, r.id desc")
                + " limit :limit";
        parameters.put("limit", limit);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Report.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** The street of a community; null for an unknown one. */
    Uni<String> streetOf(String community) {
        return Panache.getSession().chain(session -> session.find(Community.class, community))
                .map(found -> found == null ? null : found.streetCode);
    }

    private static void scope(WorklistScope scope, List<String> where, Map<String, Object> parameters) {
        switch (scope.kind()) {
            case EVERYTHING -> {
            }
            case COMMUNITY -> {
                where.add("r.community_code = :scopeCommunity and not r.confidential");
                parameters.put("scopeCommunity", scope.community());
            }
            case STREETS, CONFIDENTIAL_OF_STREETS -> {
                if (scope.streets().isEmpty()) {
                    where.add("false");
                    return;
                }
                where.add(IN_STREETS);
                where.add(scope.kind() == WorklistScope.Kind.STREETS ? "not r.confidential" : "r.confidential");
                parameters.put("streets", List.copyOf(scope.streets()));
            }
            case FILER -> {
                where.add("r.filed_by_ref = :filer");
                parameters.put("filer", scope.filerRef());
            }
        }
    }

    private static void filters(WorklistFilter filter, List<String> where, Map<String, Object> parameters) {
        if (!filter.statuses().isEmpty()) {
            where.add("r.status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(ReportStatus::name).toList());
        }
        equal("r.item_code", "item", filter.item(), where, parameters);
        equal("r.category_code", "category", filter.category(), where, parameters);
        equal("r.channel", "channel", filter.channel() == null ? null : filter.channel().name(), where, parameters);
        equal("r.community_code", "community", filter.community(), where, parameters);
        equal("r.assignee_unit", "assigneeUnit", filter.assigneeUnit() == null ? null : filter.assigneeUnit().name(),
                where, parameters);
        equal("r.assignee_staff", "assigneeStaff", filter.assigneeStaff(), where, parameters);
        if (filter.receivedFrom() != null) {
            where.add("r.received_at >= :receivedFrom");
            parameters.put("receivedFrom", filter.receivedFrom());
        }
        if (filter.receivedTo() != null) {
            where.add("r.received_at < :receivedTo");
            parameters.put("receivedTo", filter.receivedTo());
        }
        if (filter.dueBefore() != null) {
            where.add("r.due_at < :dueBefore");
            parameters.put("dueBefore", filter.dueBefore());
        }
        flag(filter.warned(), WARNED, where);
        flag(filter.breached(), BREACHED, where);
        if (filter.unrated() != null) {
            where.add(filter.unrated() ? UNRATED : RATED);
        }
        if (filter.text() != null && TRACKING_NUMBER.matcher(filter.text()).matches()) {
            // a whole tracking number names one report: its unique index answers (the character pairs of a number,
            // 00, 20, -0, are in nearly every report, so the bigram index cannot narrow it down)
            where.add("r.tracking_number = :trackingNumber");
            parameters.put("trackingNumber", filter.text().toUpperCase(Locale.ROOT));
        } else if (filter.text() != null) {
            // the character pairs narrow it down through an index (V42), the patterns decide; ! escapes a pattern
            // character the text may hold
            where.add(TEXT_BIGRAMS + " @> report_text_bigrams(:text)");
            where.add("(r.tracking_number ilike :pattern escape '!' or r.title ilike :pattern escape '!'"
                    + " or r.address ilike :pattern escape '!')");
            parameters.put("text", filter.text());
            parameters.put("pattern", "%" + filter.text().replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
    }

    /** After the cursor's report in the order of the sort (a null due time sorts last). */
    private static void position(WorklistSort sort, WorklistCursor after, List<String> where,
            Map<String, Object> parameters) {
        if (after == null) {
            return;
        }
        parameters.put("afterId", after.id());
        if (sort == WorklistSort.RECEIVED) {
            where.add("(r.received_at, r.id) < (:afterKey, :afterId)");
            parameters.put("afterKey", after.key());
        } else if (after.key() == null) {
            where.add("(r.due_at is null and r.id > :afterId)");
        } else {
            where.add("((r.due_at, r.id) > (:afterKey, :afterId) or r.due_at is null)");
            parameters.put("afterKey", after.key());
        }
    }

    private static void equal(String column, String name, String value, List<String> where,
            Map<String, Object> parameters) {
        if (value != null) {
            where.add(column + " = :" + name);
            parameters.put(name, value);
        }
    }

    private static void flag(Boolean wanted, String condition, List<String> where) {
        if (wanted != null) {
            where.add(wanted ? condition : "not " + condition);
        }
    }
}
