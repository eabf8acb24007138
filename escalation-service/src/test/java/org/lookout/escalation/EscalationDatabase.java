package org.lookout.escalation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.lookout.testsupport.RealInfrastructure;

/** Plain JDBC on the service's own database, for what a test must see that no endpoint shows. */
public final class EscalationDatabase {

    private static final String NAME = "escalation";

    private EscalationDatabase() {
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

    /** Runs a statement; answers how many rows it changed. */
    public static int execute(String statement, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl(NAME), NAME, NAME);
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + statement, e);
        }
    }

    public static boolean processed(String consumer, String eventId) {
        return number("select count(*) from processed_event where consumer = ? and event_id = ?", consumer, eventId) == 1;
    }

    /** The first column of every row a query answers, as text, in the query's order. */
    public static List<String> strings(String query, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl(NAME), NAME, NAME);
                PreparedStatement statement = bound(connection.prepareStatement(query), parameters);
                ResultSet result = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + query, e);
        }
    }

    private static PreparedStatement bound(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
