package org.lookout.outbox;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.StaleStateException;
import org.lookout.contracts.MalformedEventException;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Why a consumer could not apply a record, and so what happens to the record: an outage of the consumer's own
 * infrastructure delays it (the record is tried again until it applies, in its place, nothing after it is read), only
 * poison goes to the dead-letter topic, the unexpected after a few tries. {@link #retriedAfter(int, int)} is the one
 * place that decides.
 */
public enum ConsumerFailure {

    /**
     * The consumer's own infrastructure is away or busy: the database refuses or drops connections, shuts down, starts
     * up, runs out of resources, the pool has no connection in time, or a concurrent transaction won a race. The event
     * itself is fine and will apply once the infrastructure is back. A {@link RetryableConsumerException} (what the event
     * needs has not arrived yet) is waited out the same way.
     */
    OUTAGE,

    /** The record is not a valid event (no CloudEvents headers, no JSON, data that does not fit its type): it can never apply. */
    MALFORMED,

    /** Anything else a handler threw. */
    UNEXPECTED;

    /** Deeper cause chains than this are cut off (and a chain that loops is followed once). */
    private static final int MAX_CHAIN = 32;

    /** Infrastructure that will answer again: the network and pool failures of an outage, and a lost race. */
    private static final List<Class<? extends Throwable>> OUTAGE_TYPES = List.of(
            // ConnectException covers netty's AnnotatedConnectException ("Connection refused: /127.0.0.1:15432")
            ConnectException.class, SocketException.class, SocketTimeoutException.class, UnknownHostException.class,
            ClosedChannelException.class, TimeoutException.class, ClosedConnectionException.class,
            // a concurrent transaction changed the same rows first: the next attempt sees its result
            OptimisticLockException.class, StaleStateException.class, PessimisticLockException.class,
            LockTimeoutException.class,
            // the consumer says the event needs something that has not arrived yet: it will apply once it has
            RetryableConsumerException.class);

    /** How a failure is classified: poison anywhere in the chain wins, then any sign of an outage, else unexpected. */
    public static ConsumerFailure of(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(MalformedEventException.class::isInstance)) {
            return MALFORMED;
        }
        return chain.stream().anyMatch(ConsumerFailure::isOutage) ? OUTAGE : UNEXPECTED;
    }

    /** The throwable in the chain that makes this an outage (the one worth naming in a log line), else the failure. */
    public static Throwable telling(Throwable failure) {
        return chain(failure).stream().filter(ConsumerFailure::isOutage).findFirst().orElse(failure);
    }

    /**
     * Whether a record that failed so is tried again, after {@code failedAttempts} failed attempts of this kind. An
     * outage: always, however long it lasts. A record that is not a valid event: never, the dead-letter topic takes it
     * at once. Any other failure: until it failed {@code poisonAttempts} times (the channel's {@link PoisonPolicy}).
     */
    public boolean retriedAfter(int failedAttempts, int poisonAttempts) {
        return switch (this) {
            case OUTAGE -> true;
            case MALFORMED -> false;
            case UNEXPECTED -> failedAttempts < poisonAttempts;
        };
    }

    private static boolean isOutage(Throwable t) {
        // the reactive PostgreSQL client (PgException) and JDBC, or Hibernate's translation of either
        if (t instanceof DatabaseException database) {
            return isOutageState(database.getSqlState());
        }
        if (t instanceof SQLException sql) {
            return isOutageState(sql.getSQLState());
        }
        if (OUTAGE_TYPES.stream().anyMatch(type -> type.isInstance(t))) {
            return true;
        }
        // the pool's "Timeout" (no connection in time); "Connection was closed", "Pool closed", and Hibernate Reactive's
        // "Connection is not active now, current status: CLOSED" when the database went away mid-transaction
        if (t instanceof NoStackTraceThrowable || t instanceof VertxException) {
            return mentions(t, "timeout") || mentions(t, "closed");
        }
        // netty's native transport reports a reset connection as an IOException of its own
        return t.getClass().getName().equals("io.netty.channel.unix.Errors$NativeIoException");
    }

    /**
     * SQLSTATEs of an outage: class 08 (connection exception), 53 (insufficient resources, e.g. too many connections),
     * 57P01 / 57P02 / 57P03 (admin or crash shutdown, cannot connect now), 40001 (serialization failure), 40P01
     * (deadlock detected).
     */
    static boolean isOutageState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return sqlState.startsWith("08") || sqlState.startsWith("53")
                || Set.of("57P01", "57P02", "57P03", "40001", "40P01").contains(sqlState.toUpperCase(Locale.ROOT));
    }

    private static boolean mentions(Throwable t, String word) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word);
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
