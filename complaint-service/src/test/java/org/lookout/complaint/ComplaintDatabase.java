package org.lookout.complaint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.lookout.contracts.EventType;
import org.lookout.testsupport.RealInfrastructure;

/** Plain JDBC on the service's own database, for what a test must see that no endpoint shows. */
public final class ComplaintDatabase {

    private static final String NAME = "complaint";

    private ComplaintDatabase() {
    }

    /** The single number a query answers, e.g. a count; {@code parameters} bind to its {@code ?} in order. */
    public static long number(String query, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl(NAME), NAME, NAME);
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + query, e);
        }
    }

    public static boolean processed(String consumer, String eventId) {
        return number("select count(*) from processed_event where consumer = ? and event_id = ?", consumer,
                eventId) == 1;
    }

    /** How many events of this type the service wrote to its outbox about the report. */
    public static long outboxEvents(String reportId, EventType type) {
        return number("select count(*) from outbox_event where partition_key = ? and event_type = ?", reportId,
                type.type());
    }
}
