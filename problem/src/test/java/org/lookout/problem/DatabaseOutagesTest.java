package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/** The failures ./lookout chaos met while PostgreSQL was killed and restarted: each a 503, not a 500. */
class DatabaseOutagesTest {

    @Test
    void whatARequestMeetsWhilePostgresqlIsDownOrStartingIsAnOutage() {
        // refused: netty's AnnotatedConnectException is a ConnectException
        assertThat(DatabaseOutages.isOutage(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        // starting up / shutting down / crash of another backend
        assertThat(DatabaseOutages.isOutage(
                postgres("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new RuntimeException(
                postgres("terminating connection because of crash", "57P02")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("connection failure", "08006"))).isTrue();
        // dropped mid-transaction, alone or inside Hibernate's wrapping and Mutiny's composite
        assertThat(DatabaseOutages.isOutage(new RuntimeException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseOutages.isOutage(new CompositeException(List.of(new IllegalStateException("boom"),
                new RuntimeException(ClosedConnectionException.INSTANCE))))).isTrue();
        assertThat(DatabaseOutages.isOutage(new NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException(
                "HR000090: Live transaction detected while closing the connection: it will be roll backed"))).isTrue();
        // reset, as netty's epoll transport reports it (a 500 with its stack trace in ./lookout chaos before)
        Epoll.ensureAvailability(); // loads the native library the exception's errno table comes from
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new Errors.NativeIoException("recvAddress", -104))))
                .isTrue();
    }

    @Test
    void aDefectOrABadWriteIsNot() {
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("Result is already complete"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new NullPointerException())).isFalse();
        assertThat(DatabaseOutages.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutages.isOutage(postgres("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new CompositeException(List.of(new IllegalStateException("a"),
                new IllegalArgumentException("b"))))).isFalse();
    }

    @Test
    void theAnswerIsA503ProblemWithRetryAfter() {
        Response answer = ProblemMappers.databaseAway(new RuntimeException(new ConnectException("Connection refused")),
                "POST /api/complaints", null, null).orElseThrow();
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) answer.getEntity();
        assertThat(problem.type()).hasToString("urn:lookout:problem:service-unavailable");
        assertThat(problem.detail()).doesNotContain("Connection refused");
        assertThat(ProblemMappers.databaseAway(new IllegalStateException("a bug"), "GET /x", null, null)).isEmpty();
    }

    /** What the reactive PostgreSQL client throws (PgException), with its SQLSTATE. */
    private static DatabaseException postgres(String message, String sqlState) {
        return new DatabaseException(message, 0, sqlState) {
        };
    }
}
