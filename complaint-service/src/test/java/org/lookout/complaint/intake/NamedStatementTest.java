package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Tuple;

class NamedStatementTest {

    @Test
    void eachOccurrenceOfANameIsItsOwnPositionalParameter() {
        NamedStatement statement = NamedStatement.of("insert into t (a, b) values (:id, :name) returning :id");

        assertThat(statement.positional()).isEqualTo("insert into t (a, b) values ($1, $2) returning $3");
        assertThat(statement.occurrences()).containsExactly("id", "name", "id");
    }

    @Test
    void castsAndLiteralsAreNotParameters() {
        NamedStatement statement = NamedStatement.of(
                "select last_value::text, ':not' || 'it''s :neither', cast(:x as bytea), ''::bytea where :y");

        assertThat(statement.positional())
                .isEqualTo("select last_value::text, ':not' || 'it''s :neither', cast($1 as bytea), ''::bytea where $2");
        assertThat(statement.occurrences()).containsExactly("x", "y");
    }

    @Test
    void anUnterminatedLiteralIsRefused() {
        assertThatThrownBy(() -> NamedStatement.of("select 'open :x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTupleHoldsTheValuesInOccurrenceOrderAsThePoolEncodesThem() {
        NamedStatement statement = NamedStatement.of("select :at, :bytes, :id, :nothing, :at");
        Instant at = Instant.parse("2026-12-07T08:30:00.123456Z");
        Map<String, Object> values = new HashMap<>();
        values.put("at", at);
        values.put("bytes", new byte[] { 1, 2, 3 });
        values.put("id", 42);
        values.put("nothing", null);

        Tuple tuple = statement.tuple(values);

        assertThat(tuple.size()).isEqualTo(5);
        assertThat(tuple.getValue(0)).isEqualTo(OffsetDateTime.of(2026, 12, 7, 8, 30, 0, 123_456_000, ZoneOffset.UTC));
        assertThat(tuple.getValue(1)).isEqualTo(Buffer.buffer(new byte[] { 1, 2, 3 }));
        assertThat(tuple.getValue(2)).isEqualTo(42);
        assertThat(tuple.getValue(3)).isNull();
        assertThat(tuple.getValue(4)).isEqualTo(tuple.getValue(0));
    }

    @Test
    void aNameWithoutAValueIsRefusedRatherThanBoundAsNull() {
        NamedStatement statement = NamedStatement.of("select :given, :forgotten");
        Map<String, Object> values = new HashMap<>();
        values.put("given", 1);

        assertThatThrownBy(() -> statement.tuple(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":forgotten");
    }
}
