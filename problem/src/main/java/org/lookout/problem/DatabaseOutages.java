package org.lookout.problem;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.netty.channel.unix.Errors;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Whether a request failed because the service's database is away — refused connections, a connection dropped
 * mid-transaction, PostgreSQL shutting down or starting up, no pooled connection in time — rather than because of a
 * defect. Such a request is answered 503 with {@code Retry-After} (the documented answer while a dependency is down),
 * never 500. Seen under {@code ./lookout chaos} when PostgreSQL is killed: {@code AnnotatedConnectException},
 * {@code PgException} 57P03 "the database system is starting up", {@code ClosedConnectionException}, on epoll
 * netty's {@code NativeIoException} (a reset), and Mutiny's
 * {@code CompositeException} holding one of them.
 */
final class DatabaseOutages {

    /** Deeper chains than this are cut off. */
    private static final int MAX_FAILURES = 64;

    private DatabaseOutages() {
    }

    static boolean isOutage(Throwable failure) {
        return telling(failure).isPresent();
    }

    /** The failure in the chain (causes, and every failure a composite holds) that shows the outage. */
    static Optional<Throwable> telling(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_FAILURES) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (isOutageItself(next)) {
                return Optional.of(next);
            }
            if (next instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
        }
        return Optional.empty();
    }

    private static boolean isOutageItself(Throwable t) {
        if (t instanceof DatabaseException database) {
            return isOutageState(database.getSqlState());
        }
        if (t instanceof SQLException sql) {
            return isOutageState(sql.getSQLState());
        }
        // the connection broke; on epoll netty reports a reset as an IOException of its own, not a SocketException:
        // "recvAddress(..) failed with error(-104): Connection reset by peer" (./lookout chaos)
        if (t instanceof ConnectException || t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof ClosedChannelException || t instanceof ClosedConnectionException
                || t instanceof Errors.NativeIoException) {
            return true;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        // the pool's "Timeout" (no connection in time) and "Connection is not active now, current status: CLOSED"
        if (t instanceof VertxException || t.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")) {
            return message.contains("timeout") || message.contains("closed");
        }
        // Hibernate Reactive when the connection went away under an open transaction
        return t instanceof IllegalStateException && message.startsWith("hr000090");
    }

    /** Class 08 (connection exception), 53 (insufficient resources), 57P01–57P03 (shutdown, crash, cannot connect now). */
    static boolean isOutageState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        String state = sqlState.toUpperCase(Locale.ROOT);
        return state.startsWith("08") || state.startsWith("53") || Set.of("57P01", "57P02", "57P03").contains(state);
    }
}
