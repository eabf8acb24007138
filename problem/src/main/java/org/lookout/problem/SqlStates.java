package org.lookout.problem;

import java.sql.SQLException;

import io.vertx.sqlclient.DatabaseException;

/**
 * What the database said, wherever in a failure it is: Hibernate Reactive turns PostgreSQL's error into a
 * {@link SQLException} (inside its own {@code ConstraintViolationException}), the reactive client alone gives a
 * {@link DatabaseException}. Both carry the SQLState.
 */
public final class SqlStates {

    /** PostgreSQL's {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** A unique index refused the write: someone else stored the same thing first. */
    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(of(failure));
    }

    /** The SQLState of the first database error in the failure's causes, or null when there is none. */
    public static String of(Throwable failure) {
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause instanceof DatabaseException database && database.getSqlState() != null) {
                return database.getSqlState();
            }
        }
        return null;
    }
}
