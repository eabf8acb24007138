package org.lookout.complaint.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.lookout.complaint.domain.Open311Request;
import org.lookout.complaint.domain.ReportStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The Open311 view of reports, in SQL: the requests (never a confidential one), the public update feed, and the
 * listing of committed changes into that feed. Read as plain rows: no report entity enters the session for a read.
 */
@ApplicationScoped
public class Open311Repository {

    /** A report as Open311 shows it, with what its history says publicly. */
    record RequestRow(UUID reportId, String trackingNumber, ReportStatus status, String itemCode, String channel,
            String description, String communityNameZh, String communityNameEn, String escalationAgency,
            Instant receivedAt, Instant updatedAt, Instant resolutionDueAt, String address, Double latitude,
            Double longitude, String mediaUrl, String addressId, String statusNotes) {
    }

    /** One public update: a change of status, or a PUBLIC note (then {@code status} is the one it was in). */
    record UpdateRow(long id, String trackingNumber, ReportStatus status, boolean note, String text,
            Instant listedAt) {
    }

    /** What {@code GET requests} asks: the window and filters, or only these tracking numbers. */
    record RequestQuery(List<String> trackingNumbers, List<String> itemCodes, List<ReportStatus> statuses,
            Instant from, Instant to, String streetCode, int limit) {
    }

    /** A change of status, which the public sees: not a note, not the first entry, not one that kept the status. */
    private static final String STATUS_CHANGE = "(h.note_visibility is null and h.from_status is not null"
            + " and h.to_status is not null and h.from_status <> h.to_status)";
    private static final String PUBLIC_UPDATE = "(h.note_visibility = 'PUBLIC' or " + STATUS_CHANGE + ")";

    private static final String REQUEST_COLUMNS = """
            select r.id, r.tracking_number, r.status, r.item_code, r.channel, r.description, c.name_zh, c.name_en,
                   r.escalation_agency, r.received_at,
                   (select max(h.at) from report_history h where h.report_id = r.id
                       and (h.from_status is null or %s)),
                   r.resolution_due_at, r.address, r.latitude, r.longitude, o.media_url, o.address_id,
                   (select h.note from report_history h where h.report_id = r.id and h.note_visibility = 'PUBLIC'
                     order by h.id desc limit 1)
              from report r
              join community c on c.code = r.community_code
              left join open311_request o on o.report_id = r.id
             where not r.confidential""".formatted(PUBLIC_UPDATE);

    public Uni<Boolean> streetExists(String code) {
        return session().chain(session -> session
                .createNativeQuery("select count(*) from street where code = :code", Object.class)
                .setParameter("code", code).getSingleResult())
                .map(count -> ((Number) count).longValue() > 0);
    }

    /** The newest requests first, at most {@code limit}; by tracking number when given, else by window and filters. */
    Uni<List<RequestRow>> requests(RequestQuery query) {
        StringBuilder sql = new StringBuilder(REQUEST_COLUMNS);
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!query.trackingNumbers().isEmpty()) {
            sql.append(" and r.tracking_number in (:numbers)");
            parameters.put("numbers", query.trackingNumbers());
        } else {
            sql.append(" and r.received_at >= :from and r.received_at < :to");
            parameters.put("from", query.from());
            parameters.put("to", query.to());
            if (!query.itemCodes().isEmpty()) {
                sql.append(" and r.item_code in (:items)");
                parameters.put("items", query.itemCodes());
            }
            if (!query.statuses().isEmpty()) {
                sql.append(" and r.status in (:statuses)");
                parameters.put("statuses", query.statuses().stream().map(Enum::name).toList());
            }
        }
        if (query.streetCode() != null) {
            sql.append(" and c.street_code = :street");
            parameters.put("street", query.streetCode());
        }
        sql.append(" order by r.received_at desc, r.id desc limit :limit");
        parameters.put("limit", query.limit());
        return session().chain(session -> {
            var statement = session.createNativeQuery(sql.toString(), Object[].class);
            parameters.forEach(statement::setParameter);
            return statement.getResultList();
        }).map(rows -> rows.stream().map(Open311Repository::requestRow).toList());
    }

    /** The tracking number of a report that is not confidential; null otherwise. */
    Uni<String> trackingNumberOf(UUID reportId) {
        return session().chain(session -> session.createNativeQuery(
                "select tracking_number from report where id = :id and not confidential", Object.class)
                .setParameter("id", reportId).getResultList())
                .map(found -> found.isEmpty() ? null : (String) found.getFirst());
    }

    /**
     * The public updates listed in {@code [from, to)}, of one street when given, by listing time and then id: at most
     * {@code limit + 1}, so that the caller can tell a window holding more than it may answer.
     */
    Uni<List<UpdateRow>> updates(Instant from, Instant to, String streetCode, int limit) {
        String sql = """
                select h.id, r.tracking_number, h.to_status, h.note_visibility, h.note, h.listed_at,
                       (select p.to_status from report_history p where p.report_id = h.report_id
                           and p.to_status is not null and p.id < h.id order by p.id desc limit 1)
                  from report_history h
                  join report r on r.id = h.report_id
                  join community c on c.code = r.community_code
                 where h.listed_at >= :from and h.listed_at < :to and not r.confidential and %s%s
                 order by h.listed_at, h.id
                 limit :limit""".formatted(PUBLIC_UPDATE, streetCode == null ? "" : " and c.street_code = :street");
        return session().chain(session -> {
            var statement = session.createNativeQuery(sql, Object[].class)
                    .setParameter("from", from).setParameter("to", to).setParameter("limit", limit + 1);
            if (streetCode != null) {
                statement.setParameter("street", streetCode);
            }
            return statement.getResultList();
        }).map(rows -> rows.stream().map(Open311Repository::updateRow).toList());
    }

    /**
     * Lists every committed change not listed yet, at {@code now} or later: under the feed clock's row lock, never
     * earlier than any window already answered ({@code listed_until}), which then moves to at least {@code answeredTo}.
     * The caller's transaction holds the lock until it ends, so listings and the reads after them happen one at a time.
     * Answers the listing time.
     */
    Uni<Instant> listCommitted(Instant now, Instant answeredTo) {
        return session().chain(session -> session
                .createNativeQuery("select listed_until from open311_feed_clock where id = 1 for update", Object.class)
                .getSingleResult()
                .map(Open311Repository::instant)
                .chain(listedUntil -> {
                    Instant stamp = now.isAfter(listedUntil) ? now : listedUntil;
                    Instant until = answeredTo != null && answeredTo.isAfter(stamp) ? answeredTo : stamp;
                    return session.createNativeQuery("update report_history set listed_at = :stamp"
                            + " where listed_at is null").setParameter("stamp", stamp).executeUpdate()
                            .chain(() -> session.createNativeQuery("update open311_feed_clock set listed_until = :until"
                                    + " where id = 1").setParameter("until", until).executeUpdate())
                            .replaceWith(stamp);
                }));
    }

    /** When the services last changed: an item's edit or an edit of its questions. */
    Uni<Instant> servicesChangedAt() {
        return session().chain(session -> session.createNativeQuery("""
                select greatest((select max(changed_at) from taxonomy_item),
                                coalesce((select max(at) from item_question_audit), '-infinity'))""", Object.class)
                .getSingleResult())
                .map(Open311Repository::instant);
    }

    Uni<Open311Request> filing(UUID reportId) {
        return session().chain(session -> session.find(Open311Request.class, reportId));
    }

    Uni<Open311Request> persist(Open311Request request) {
        return session().chain(session -> session.persist(request)).replaceWith(request);
    }

    private static RequestRow requestRow(Object[] row) {
        return new RequestRow((UUID) row[0], (String) row[1], ReportStatus.valueOf((String) row[2]), (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8], instant(row[9]),
                instant(row[10]), instant(row[11]), (String) row[12], number(row[13]), number(row[14]),
                (String) row[15], (String) row[16], (String) row[17]);
    }

    private static UpdateRow updateRow(Object[] row) {
        boolean note = row[3] != null;
        String status = note ? (String) row[6] : (String) row[2];
        return new UpdateRow(((Number) row[0]).longValue(), (String) row[1], ReportStatus.valueOf(status), note,
                (String) row[4], instant(row[5]));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    static List<String> codes(String commaList) {
        List<String> codes = new ArrayList<>();
        for (String code : commaList.split(",")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        return codes;
    }
}
