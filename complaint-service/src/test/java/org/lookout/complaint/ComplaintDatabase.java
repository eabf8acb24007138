package org.lookout.complaint;

import org.lookout.contracts.EventType;
import org.lookout.testsupport.ServiceDatabase;

/** Plain JDBC on this service's database, for what a test must see that no endpoint shows. */
public final class ComplaintDatabase {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of("complaint");

    private ComplaintDatabase() {
    }

    /** The single number a query answers, e.g. a count; {@code parameters} bind to its {@code ?} in order. */
    public static long number(String query, Object... parameters) {
        return DATABASE.number(query, parameters);
    }

    /** The first column of every row a query answers, as text, in the query's order. */
    public static java.util.List<String> strings(String query, Object... parameters) {
        return DATABASE.strings(query, parameters);
    }

    /** Runs a statement (what a migration or another instance would do); answers how many rows it changed. */
    public static int execute(String statement, Object... parameters) {
        return DATABASE.execute(statement, parameters);
    }

    public static boolean processed(String consumer, String eventId) {
        return DATABASE.processed(consumer, eventId);
    }

    /** How many events of this type the service wrote to its outbox with this key (a report id, {@code item/<code>}). */
    public static long outboxEvents(String key, EventType type) {
        return DATABASE.outboxEvents(key, type.type());
    }
}
