package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.MalformedEventException;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures a consumer waits out and which send the record to the dead-letter topic. */
class ConsumerFailureTest {

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of("connection refused", new ConnectException("Connection refused: /127.0.0.1:15432")),
                Arguments.of("connection reset", new SocketException("Connection reset")),
                Arguments.of("refused, as Hibernate Reactive hands it over",
                        new CompletionException(new HibernateException(new ConnectException("Connection refused")))),
                Arguments.of("admin shutdown", pg("57P01", "terminating connection due to administrator command")),
                Arguments.of("crash shutdown", pg("57P02", "terminating connection because of crash of another server process")),
                Arguments.of("cannot connect now", pg("57P03", "the database system is shutting down")),
                Arguments.of("connection failure", pg("08006", "connection failure")),
                Arguments.of("too many connections", pg("53300", "sorry, too many clients already")),
                Arguments.of("disk full", pg("53100", "could not extend file")),
                Arguments.of("serialization failure", pg("40001", "could not serialize access")),
                Arguments.of("deadlock", pg("40P01", "deadlock detected")),
                Arguments.of("JDBC connection exception",
                        new JDBCConnectionException("error executing SQL statement", new SQLException("gone", "08003"))),
                Arguments.of("Hibernate's deadlock",
                        new LockAcquisitionException("error executing SQL statement", new SQLException("deadlock", "40P01"))),
                Arguments.of("closed connection", ClosedConnectionException.INSTANCE),
                Arguments.of("Vert.x connection was closed", new VertxException("Connection was closed", true)),
                Arguments.of("pool closed", new CompletionException(new VertxException("Pool closed"))),
                Arguments.of("no pooled connection in time", new NoStackTraceThrowable("Timeout")),
                Arguments.of("a transaction's connection gone (seen when the database stopped)",
                        new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")),
                Arguments.of("timeout", new CompletionException(new TimeoutException())),
                Arguments.of("optimistic lock", new OptimisticLockException("Row was updated by another transaction")),
                Arguments.of("stale object", new CompletionException(new StaleObjectStateException("Report", 1L))),
                Arguments.of("what the event needs has not arrived yet",
                        new CompletionException(new RetryableConsumerException("item water is not known yet"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void anOutageOfTheConsumersInfrastructureIsWaitedOut(String what, Throwable failure) {
        assertThat(ConsumerFailure.of(failure)).isEqualTo(ConsumerFailure.OUTAGE);
        assertThat(ConsumerFailure.OUTAGE.retriedAfter(1, 3)).isTrue();
        assertThat(ConsumerFailure.OUTAGE.retriedAfter(10_000, 3)).as("however long it lasts").isTrue();
    }

    static Stream<Arguments> unexpected() {
        return Stream.of(
                Arguments.of("unique violation", pg("23505", "duplicate key value violates unique constraint")),
                Arguments.of("invalid text", pg("22P02", "invalid input syntax for type uuid")),
                Arguments.of("undefined table", new CompletionException(pg("42P01", "relation does not exist"))),
                Arguments.of("JDBC without a state", new SQLException("no state")),
                Arguments.of("a bug", new IllegalStateException("report has no community")),
                Arguments.of("a null", new NullPointerException()),
                Arguments.of("persistence in general", new PersistenceException("could not execute statement")),
                Arguments.of("some other Vert.x failure", new VertxException("Unexpected end of stream")),
                Arguments.of("some other I/O failure", new IOException("disk read error")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unexpected")
    void anUnexpectedFailureIsTriedAsOftenAsThePoisonPolicySaysThenParked(String what, Throwable failure) {
        assertThat(ConsumerFailure.of(failure)).isEqualTo(ConsumerFailure.UNEXPECTED);
        assertThat(ConsumerFailure.UNEXPECTED.retriedAfter(1, 3)).isTrue();
        assertThat(ConsumerFailure.UNEXPECTED.retriedAfter(2, 3)).isTrue();
        assertThat(ConsumerFailure.UNEXPECTED.retriedAfter(3, 3)).isFalse();
        assertThat(ConsumerFailure.UNEXPECTED.retriedAfter(1, 1)).as("a policy of one try parks at once").isFalse();
    }

    @Test
    void aRecordThatIsNotAnEventIsPoisonEvenWhenWrapped() {
        MalformedEventException malformed = new MalformedEventException("ce_specversion is missing");

        assertThat(ConsumerFailure.of(malformed)).isEqualTo(ConsumerFailure.MALFORMED);
        assertThat(ConsumerFailure.of(new CompletionException(malformed))).isEqualTo(ConsumerFailure.MALFORMED);
        assertThat(ConsumerFailure.MALFORMED.retriedAfter(1, 3)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "08000", "08001", "08003", "08004", "08006", "08007", "08P01", "53000", "53200", "53400",
            "57P01", "57P02", "57P03", "40001", "40P01" })
    void theOutageStates(String sqlState) {
        assertThat(ConsumerFailure.isOutageState(sqlState)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "00000", "23505", "23503", "22001", "42601", "40000", "40002", "57014", "57000", "XX000", "",
            "08" })
    void otherStates(String sqlState) {
        assertThat(ConsumerFailure.isOutageState(sqlState)).isFalse();
    }

    @Test
    void theLogLineNamesTheCauseThatMadeItAnOutage() {
        ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:15432");

        assertThat(ConsumerFailure.telling(new CompletionException(new HibernateException(refused)))).isSameAs(refused);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(ConsumerFailure.telling(bug)).isSameAs(bug);
    }

    @Test
    void aCauseChainThatLoopsIsReadOnce() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ConsumerFailure.of(second)).isEqualTo(ConsumerFailure.UNEXPECTED);
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
