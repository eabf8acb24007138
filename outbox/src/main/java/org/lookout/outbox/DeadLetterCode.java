package org.lookout.outbox;

import java.sql.SQLException;
import java.util.NoSuchElementException;

import jakarta.persistence.EntityNotFoundException;

import org.lookout.contracts.MalformedEventException;

import io.vertx.sqlclient.DatabaseException;

/**
 * The short, stable reason a parked record carries in its {@code dlq-code} header instead of an exception's class and
 * text (which may quote internals or data): what an operator needs to decide whether a replay can help.
 */
public enum DeadLetterCode {

    /** Not a valid event (no CloudEvents headers, no JSON, data that does not fit its type): a replay cannot help. */
    MALFORMED("malformed"),

    /** The event names something this service does not know (a report, a community, a record). */
    UNKNOWN_REFERENCE("unknown-reference"),

    /** The service refused the event: a state that does not allow it, a value it does not accept, a constraint. */
    REJECTED("rejected"),

    /** Any other failure of the handler, e.g. a bug: fix, then replay. */
    FAILED("failed");

    private final String code;

    DeadLetterCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The code of a failure: the first throwable in its chain that says more than "failed" decides. */
    public static DeadLetterCode of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            DeadLetterCode code = ofOne(t);
            if (code != FAILED) {
                return code;
            }
        }
        return FAILED;
    }

    private static DeadLetterCode ofOne(Throwable t) {
        if (t instanceof ParkedEventException parked) {
            return parked.code();
        }
        if (t instanceof MalformedEventException) {
            return MALFORMED;
        }
        if (t instanceof NoSuchElementException || t instanceof EntityNotFoundException) {
            return UNKNOWN_REFERENCE;
        }
        if (t instanceof IllegalStateException || t instanceof IllegalArgumentException) {
            return REJECTED;
        }
        // class 23: integrity constraint violation (foreign key, unique, not null, check)
        String sqlState = t instanceof DatabaseException db ? db.getSqlState()
                : t instanceof SQLException sql ? sql.getSQLState() : null;
        return sqlState != null && sqlState.startsWith("23") ? REJECTED : FAILED;
    }
}
