package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.sqlclient.DatabaseException;

class SqlStatesTest {

    /** As Hibernate Reactive hands it on: its own exception around an SQLException that keeps only the SQLState. */
    @Test
    void findsTheUniqueViolationInsideHibernatesWrapping() {
        RuntimeException hibernate = new RuntimeException("could not execute statement",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(SqlStates.isUniqueViolation(new CompletionException(hibernate))).isTrue();
    }

    @Test
    void findsItInTheReactiveClientsOwnError() {
        DatabaseException pg = new DatabaseException("duplicate key", 0, "23505") {
        };

        assertThat(SqlStates.isUniqueViolation(new RuntimeException(pg))).isTrue();
    }

    @Test
    void otherStatesAndOtherFailuresAreNot() {
        assertThat(SqlStates.isUniqueViolation(new SQLException("invalid byte sequence", "22021"))).isFalse();
        assertThat(SqlStates.isUniqueViolation(new IllegalStateException("23505"))).isFalse();
        assertThat(SqlStates.of(new IllegalStateException())).isNull();
    }

    @Test
    void aCauseThatRefersBackEndsTheSearch() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.initCause(inner);

        assertThat(SqlStates.isUniqueViolation(outer)).isFalse();
    }
}
