package org.lookout.escalation;

import java.util.List;

import org.lookout.testsupport.ServiceDatabase;

/** Plain JDBC on this service's database, for what a test must see that no endpoint shows. */
public final class EscalationDatabase {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of("escalation");

    private EscalationDatabase() {
    }

    /** The single number a query answers, e.g. a count; {@code parameters} bind to its {@code ?} in order. */
    public static long number(String query, Object... parameters) {
        return DATABASE.number(query, parameters);
    }

    /** Runs a statement; answers how many rows it changed. */
    public static int execute(String statement, Object... parameters) {
        return DATABASE.execute(statement, parameters);
    }

    public static boolean processed(String consumer, String eventId) {
        return DATABASE.processed(consumer, eventId);
    }

    /** The first column of every row a query answers, as text, in the query's order. */
    public static List<String> strings(String query, Object... parameters) {
        return DATABASE.strings(query, parameters);
    }
}
