package org.lookout.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The default backend: PostgreSQL from the zonky binaries and Kafka in the test JVM; no Docker. */
final class EmbeddedBackend implements InfrastructureBackend {

    private final EmbeddedPostgresServer postgres = new EmbeddedPostgresServer();
    private final EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker();

    @Override
    public void start() throws Exception {
        CompletableFuture<Void> postgresStarted = runInThread("lookout-postgres-start", postgres::start);
        CompletableFuture<Void> kafkaStarted = runInThread("lookout-kafka-start", kafka::start);
        try {
            CompletableFuture.allOf(postgresStarted, kafkaStarted).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public String postgresHost() {
        return "127.0.0.1";
    }

    @Override
    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public Connection superuserConnection() throws SQLException {
        return postgres.superuserConnection();
    }

    @Override
    public void stopDatabase() {
        postgres.stopServer();
    }

    @Override
    public void startDatabase() {
        postgres.startServer();
    }

    @Override
    public boolean databaseRunning() {
        return postgres.serverRunning();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stopKafka() {
        kafka.stopBroker();
    }

    @Override
    public void startKafka() {
        kafka.startBroker();
    }

    @Override
    public boolean kafkaRunning() {
        return kafka.brokerRunning();
    }

    @Override
    public void close() {
        // Kafka first: it runs in this JVM and may still hold connections of the application under test
        kafka.close();
        postgres.close();
    }

    interface StartStep {
        void run() throws Exception;
    }

    /** Starts a step in its own thread (not the common pool, which two cores make one thread wide). */
    static CompletableFuture<Void> runInThread(String name, StartStep step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                step.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
