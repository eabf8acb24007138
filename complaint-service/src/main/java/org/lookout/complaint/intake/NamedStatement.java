package org.lookout.complaint.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One SQL statement written once with named parameters ({@code :name}), run either in a Hibernate Reactive session
 * (inside the caller's transaction) or straight on the reactive pool, where it commits by itself. Intake takes the
 * pool when it owns no transaction: no session is opened, no connection is held across the request, and the client
 * binds the values without Hibernate's query machinery (about 8 % of intake's JVM samples, phase 13's profile).
 *
 * <p>Every occurrence of a name gets its own {@code $n}, as Hibernate binds them, so that PostgreSQL deduces each
 * one's type from its own place (a name used for a {@code varchar} and a {@code text} column stays valid). A
 * {@code ::} cast is not a parameter, nor is a colon inside a quoted literal; comments and dollar-quoted strings are
 * not read (the statements it serves have none).
 */
final class NamedStatement {

    private final String named;
    private final String positional;
    private final List<String> occurrences;

    private NamedStatement(String named, String positional, List<String> occurrences) {
        this.named = named;
        this.positional = positional;
        this.occurrences = occurrences;
    }

    static NamedStatement of(String sql) {
        StringBuilder positional = new StringBuilder(sql.length());
        List<String> occurrences = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') { // a literal: copied as it is, '' inside included
                int end = sql.indexOf('\'', i + 1);
                while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                    end = sql.indexOf('\'', end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("an unterminated literal at " + i);
                }
                positional.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                positional.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                occurrences.add(sql.substring(i + 1, end));
                positional.append('$').append(occurrences.size());
                i = end;
            } else {
                positional.append(c);
                i++;
            }
        }
        return new NamedStatement(sql, positional.toString(), List.copyOf(occurrences));
    }

    /** The statement as the pool receives it. */
    String positional() {
        return positional;
    }

    /** The names in the order of their occurrences, one per {@code $n}. */
    List<String> occurrences() {
        return occurrences;
    }

    /** Runs on the pool, outside any transaction: the statement commits by itself. */
    Uni<RowSet<Row>> onPool(Pool pool, Map<String, ?> values) {
        return pool.preparedQuery(positional).execute(tuple(values));
    }

    /** Runs on the pool like {@link #onPool}; each row as its columns' values, as a native query returns them. */
    Uni<List<Object[]>> rowsOnPool(Pool pool, Map<String, ?> values) {
        return onPool(pool, values).map(rows -> {
            List<Object[]> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(columns(row)));
            return found;
        });
    }

    private static Object[] columns(Row row) {
        Object[] columns = new Object[row.size()];
        for (int column = 0; column < columns.length; column++) {
            columns[column] = row.getValue(column);
        }
        return columns;
    }

    /** The statement in {@code session}, in its transaction when it has one. */
    <R> Mutiny.SelectionQuery<R> inSession(Mutiny.Session session, Class<R> resultType, Map<String, ?> values) {
        Mutiny.SelectionQuery<R> query = session.createNativeQuery(named, resultType);
        values.forEach(query::setParameter);
        return query;
    }

    /** The values in the order of the occurrences, as the pool's client encodes them. */
    Tuple tuple(Map<String, ?> values) {
        Tuple tuple = Tuple.tuple();
        for (String name : occurrences) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            tuple.addValue(forPool(values.get(name)));
        }
        return tuple;
    }

    private static Object forPool(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        return value;
    }
}
