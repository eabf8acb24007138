package org.lookout.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

/** One PostgreSQL server and one Kafka broker, started together and stopped together. */
interface InfrastructureBackend extends AutoCloseable {

    /** Starts PostgreSQL and Kafka in parallel; returns when both accept connections. */
    void start() throws Exception;

    /** Host and port under which tests and the service reach PostgreSQL. */
    String postgresHost();

    int postgresPort();

    /** A connection with the right to create roles and databases. */
    Connection superuserConnection() throws SQLException;

    /** Shuts PostgreSQL down; clients get "connection refused" on its port until {@link #startDatabase()}. */
    void stopDatabase();

    /** Brings PostgreSQL back on the same port with the same data; returns once it answers queries. */
    void startDatabase();

    boolean databaseRunning();

    String kafkaBootstrapServers();

    /** Takes the broker down; clients get "connection refused" on its port until {@link #startKafka()}. */
    void stopKafka();

    /** Brings the broker back on the same port, with the records it had. */
    void startKafka();

    boolean kafkaRunning();

    /** Stops everything; never throws. */
    @Override
    void close();
}
