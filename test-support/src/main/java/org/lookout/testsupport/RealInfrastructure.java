package org.lookout.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL server and a real Kafka broker for a service's tests, started in parallel.
 * <p>
 * Use it with {@code @WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database",
 * value = "complaint"))}. It creates the database and a login of the same name (password = name) and hands
 * Quarkus the datasource URLs and {@code kafka.bootstrap.servers}.
 * <p>
 * Users that share a class loader share the servers (one database each, reference counted); they stop as soon
 * as the last of them stops, and at the latest when the JVM ends. Quarkus gives each test application (each
 * distinct set of test resources or profile) its own class loader and closes it when the application stops,
 * so a Quarkus restart means fresh servers: group test classes so that they declare the same resources.
 * <p>
 * Backend: {@code -Dlookout.infra=embedded} (default; no Docker) or {@code -Dlookout.infra=containers}
 * (Testcontainers).
 */
public final class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String BACKEND_PROPERTY = "lookout.infra";

    private static final Logger LOG = Logger.getLogger(RealInfrastructure.class);
    private static final String DEFAULT_DATABASE = "lookout";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static final Object LOCK = new Object();
    private static InfrastructureBackend backend;
    private static int users;
    private static String lastDatabase;
    private static Thread shutdownHook;

    private String database = DEFAULT_DATABASE;
    private boolean holding;

    @Override
    public void init(Map<String, String> initArgs) {
        String requested = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
        if (!DATABASE_NAME.matcher(requested).matches()) {
            throw new IllegalArgumentException("Database name '" + requested + "' is not a plain lower-case identifier");
        }
        database = requested;
    }

    @Override
    public Map<String, String> start() {
        synchronized (LOCK) {
            InfrastructureBackend running = acquire();
            holding = true;
            ensureDatabase(running, database);
            lastDatabase = database;
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.username", database);
            config.put("quarkus.datasource.password", database);
            config.put("quarkus.datasource.reactive.url", reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
            config.put("kafka.bootstrap.servers", running.kafkaBootstrapServers());
            return config;
        }
    }

    @Override
    public void stop() {
        synchronized (LOCK) {
            if (!holding) {
                return;
            }
            holding = false;
            release();
        }
    }

    // --- for tests -------------------------------------------------------------------------------------------

    /** The broker's address, e.g. {@code localhost:40123}; the same before and after {@link #stopKafka()}. */
    public static String kafkaBootstrapServers() {
        return running().kafkaBootstrapServers();
    }

    /** JDBC URL of the database of the most recently started application. */
    public static String jdbcUrl() {
        return jdbcUrl(lastDatabase());
    }

    public static String jdbcUrl(String database) {
        InfrastructureBackend running = running();
        return "jdbc:postgresql://" + running.postgresHost() + ":" + running.postgresPort() + "/" + database;
    }

    /** Vert.x reactive URL, e.g. {@code postgresql://127.0.0.1:40321/complaint}. */
    public static String reactiveUrl(String database) {
        InfrastructureBackend running = running();
        return "postgresql://" + running.postgresHost() + ":" + running.postgresPort() + "/" + database;
    }

    /** Name of the database of the most recently started application; also its user and password. */
    public static String database() {
        return lastDatabase();
    }

    /**
     * Takes PostgreSQL down under the running application: open sessions are terminated (SQLSTATE 57P01), then its
     * port refuses connections until {@link #startDatabase()}. Kafka and the application keep running. Restart it in
     * a {@code finally}: the server is shared by every test class of the application.
     */
    public static void stopDatabase() {
        running().stopDatabase();
    }

    /** Brings PostgreSQL back on the same port with the same data; returns once it answers queries. */
    public static void startDatabase() {
        running().startDatabase();
    }

    public static boolean databaseRunning() {
        return running().databaseRunning();
    }

    /** Takes the Kafka broker down: its port refuses connections until {@link #startKafka()}. */
    public static void stopKafka() {
        running().stopKafka();
    }

    /** Brings the Kafka broker back on the same port, with its topics and records; returns once it serves. */
    public static void startKafka() {
        running().startKafka();
    }

    public static boolean kafkaRunning() {
        return running().kafkaRunning();
    }

    // --- lifecycle -------------------------------------------------------------------------------------------

    private static InfrastructureBackend acquire() {
        if (backend == null) {
            InfrastructureBackend created = createBackend();
            try {
                created.start();
                KafkaTopics.create(created.kafkaBootstrapServers());
            } catch (Exception e) {
                created.close();
                throw new IllegalStateException("Could not start PostgreSQL and Kafka", e);
            }
            backend = created;
            shutdownHook = new Thread(RealInfrastructure::shutdownAtJvmExit, "lookout-infrastructure-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        users++;
        return backend;
    }

    private static void release() {
        users--;
        if (users == 0) {
            shutdown();
        }
    }

    private static void shutdown() {
        if (backend == null) {
            return;
        }
        long began = System.nanoTime();
        backend.close();
        backend = null;
        lastDatabase = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        shutdownHook = null;
        LOG.infof("PostgreSQL and Kafka stopped in %d ms", (System.nanoTime() - began) / 1_000_000);
    }

    private static void shutdownAtJvmExit() {
        synchronized (LOCK) {
            users = 0;
            shutdown();
        }
    }

    private static InfrastructureBackend createBackend() {
        String choice = System.getProperty(BACKEND_PROPERTY, "embedded");
        return switch (choice) {
            case "embedded" -> new EmbeddedBackend();
            case "containers" -> loadContainersBackend();
            default -> throw new IllegalArgumentException(
                    "-D" + BACKEND_PROPERTY + "=" + choice + ": expected 'embedded' or 'containers'");
        };
    }

    /** By name, so that Testcontainers classes are loaded only when this backend is chosen. */
    private static InfrastructureBackend loadContainersBackend() {
        try {
            return (InfrastructureBackend) Class.forName(RealInfrastructure.class.getPackageName() + ".ContainersBackend")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the Testcontainers backend", e);
        }
    }

    private static InfrastructureBackend running() {
        synchronized (LOCK) {
            if (backend == null) {
                throw new IllegalStateException("PostgreSQL and Kafka are not running: annotate the test class with "
                        + "@WithTestResource(RealInfrastructure.class) or start a RealInfrastructure yourself");
            }
            return backend;
        }
    }

    private static String lastDatabase() {
        synchronized (LOCK) {
            running();
            return lastDatabase;
        }
    }

    /** Creates the login and the database it owns, once; the name was checked to be a plain identifier. */
    private static void ensureDatabase(InfrastructureBackend running, String database) {
        try (Connection connection = running.superuserConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", database)) {
                statement.execute("CREATE ROLE " + database + " LOGIN PASSWORD '" + database + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }
}
