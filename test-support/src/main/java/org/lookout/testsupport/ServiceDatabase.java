package org.lookout.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on one service's database of {@link RealInfrastructure} (user and password are the database's name), for
 * what a test must see that no endpoint shows: counts, the outbox, the consumers' ledger, raw rows.
 */
public final class ServiceDatabase {

    private final String name;

    private ServiceDatabase(String name) {
        this.name = name;
    }

    public static ServiceDatabase of(String name) {
        return new ServiceDatabase(name);
    }

    /** The single number a query answers, e.g. a count; {@code parameters} bind to its {@code ?} in order. */
    public long number(String query, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = bound(connection.prepareStatement(query), parameters);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + query, e);
        }
    }

    /** The first column of every row a query answers, as text, in the query's order. */
    public List<String> strings(String query, Object... parameters) {
        try (Connection connection = connect();
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

    /** Runs a statement; answers how many rows it changed. */
    public int execute(String statement, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement prepared = bound(connection.prepareStatement(statement), parameters)) {
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + statement, e);
        }
    }

    /** Whether the consumer recorded the event as applied (the outbox library's {@code processed_event}). */
    public boolean processed(String consumer, String eventId) {
        return number("select count(*) from processed_event where consumer = ? and event_id = ?", consumer,
                eventId) == 1;
    }

    /** How many events of this CloudEvents type the service wrote to its outbox under the key. */
    public long outboxEvents(String key, String type) {
        return number("select count(*) from outbox_event where partition_key = ? and event_type = ?", key, type);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl(name), name, name);
    }

    private static PreparedStatement bound(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
