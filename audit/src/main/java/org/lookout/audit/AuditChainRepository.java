package org.lookout.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The two tables, in the caller's session: SQL only here. */
@ApplicationScoped
class AuditChainRepository {

    private static final String COLUMNS = "seq, at, actor, role, action, target, reason, prev_hash, hash";

    record Head(long seq, String hash) {
    }

    /** The head, locked until the caller's transaction ends: the next append waits here. */
    Uni<Head> lockHead() {
        return head("select seq, hash from audit_chain_head where id = 1 for update");
    }

    Uni<Head> head() {
        return head("select seq, hash from audit_chain_head where id = 1");
    }

    Uni<Void> insert(AuditRow row) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into audit_chain (" + COLUMNS
                + ") values (:seq, :at, :actor, :role, :action, :target, :reason, :prevHash, :hash)")
                .setParameter("seq", row.seq())
                .setParameter("at", row.at())
                .setParameter("actor", row.actor())
                .setParameter("role", row.role())
                .setParameter("action", row.action())
                .setParameter("target", row.target())
                .setParameter("reason", row.reason())
                .setParameter("prevHash", row.prevHash())
                .setParameter("hash", row.hash())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("update audit_chain_head set seq = :seq, hash = :hash where id = 1")
                        .setParameter("seq", row.seq())
                        .setParameter("hash", row.hash())
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Up to {@code limit} rows after {@code after} and no later than {@code last}, in the order of their numbers. */
    Uni<List<AuditRow>> page(long after, long last, int limit) {
        return rows("select " + COLUMNS + " from audit_chain where seq > :after and seq <= :last order by seq limit :limit",
                Map.of("after", after, "last", last, "limit", limit));
    }

    /** The rows written in {@code [from, to)}, no later than {@code last}, oldest first. */
    Uni<List<AuditRow>> between(Instant from, Instant to, long last, int limit) {
        return rows("select " + COLUMNS + " from audit_chain where at >= :from and at < :to and seq <= :last"
                + " order by seq limit :limit", Map.of("from", from, "to", to, "last", last, "limit", limit));
    }

    /** Where each of these hashes stands, for those that stand anywhere. */
    Uni<Map<String, Long>> locate(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select hash, seq from audit_chain where hash in (:hashes)", Object[].class)
                .setParameter("hashes", hashes)
                .getResultList())
                .map(found -> {
                    Map<String, Long> at = new HashMap<>();
                    found.forEach(row -> at.putIfAbsent(text(row[0]), ((Number) row[1]).longValue()));
                    return at;
                });
    }

    private Uni<Head> head(String query) {
        return Panache.getSession().chain(session -> session.createNativeQuery(query, Object[].class).getSingleResult())
                .map(row -> new Head(((Number) row[0]).longValue(), text(row[1])));
    }

    private Uni<List<AuditRow>> rows(String query, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var select = session.createNativeQuery(query, Object[].class);
            parameters.forEach(select::setParameter);
            return select.getResultList();
        }).map(found -> found.stream().map(AuditChainRepository::row).toList());
    }

    private static AuditRow row(Object[] column) {
        return new AuditRow(((Number) column[0]).longValue(), instant(column[1]), text(column[2]), text(column[3]),
                text(column[4]), text(column[5]), text(column[6]), text(column[7]), text(column[8]));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The driver's type for {@code timestamptz} depends on the Hibernate version: any of them is one instant. */
    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("audit_chain.at read as " + value.getClass().getName());
        };
    }
}
