package org.lookout.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The backend for machines with Docker ({@code -Dlookout.infra=containers}). RealInfrastructure loads this class
 * by name, and only when it is chosen, so Testcontainers stays unloaded on the embedded path.
 * Testcontainers' Ryuk container removes both containers if the JVM dies.
 */
final class ContainersBackend implements InfrastructureBackend {

    private static final Logger LOG = Logger.getLogger(ContainersBackend.class);
    private static final String SUPERUSER = "lookout";
    private static final int KAFKA_CONTAINER_PORT = 9092;

    private final PostgreSQLContainer postgres = new PostgreSQLContainer(
            System.getProperty("lookout.infra.postgres-image", InfrastructureVersions.postgresImage()))
            .withDatabaseName("postgres")
            .withUsername(SUPERUSER)
            .withPassword(SUPERUSER);

    private final KafkaContainer kafka = new KafkaContainer(
            System.getProperty("lookout.infra.kafka-image", InfrastructureVersions.kafkaImage()))
            .withEnv(Map.of(
                    "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true",
                    "KAFKA_NUM_PARTITIONS", "6",
                    "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"));

    @Override
    public void start() throws Exception {
        // a fixed host port: the advertised listener is written once at creation, and a restarted
        // container must come back at the address the application under test already knows
        kafka.setPortBindings(List.of(freePort() + ":" + KAFKA_CONTAINER_PORT));
        // the same for PostgreSQL: stopDatabase() / startDatabase() must not move it to another host port
        postgres.setPortBindings(List.of(freePort() + ":" + PostgreSQLContainer.POSTGRESQL_PORT));
        long began = System.nanoTime();
        Startables.deepStart(postgres, kafka).get(5, TimeUnit.MINUTES);
        LOG.infof("PostgreSQL (container) on %s:%d and Kafka (container) at %s ready in %d ms",
                postgresHost(), postgresPort(), kafkaBootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }

    @Override
    public String postgresHost() {
        return postgres.getHost();
    }

    @Override
    public int postgresPort() {
        return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl(), SUPERUSER, SUPERUSER);
    }

    @Override
    public synchronized void stopDatabase() {
        if (databaseRunning()) {
            postgres.getDockerClient().stopContainerCmd(postgres.getContainerId()).exec();
        }
    }

    @Override
    public synchronized void startDatabase() {
        if (databaseRunning()) {
            return;
        }
        postgres.getDockerClient().startContainerCmd(postgres.getContainerId()).exec();
        Awaitility.await("PostgreSQL container back on port " + postgresPort())
                .atMost(Duration.ofMinutes(2))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection connection = superuserConnection()) {
                        return connection.isValid(5);
                    }
                });
    }

    @Override
    public boolean databaseRunning() {
        return Boolean.TRUE.equals(postgres.getDockerClient().inspectContainerCmd(postgres.getContainerId()).exec()
                .getState().getRunning());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized void stopKafka() {
        if (kafkaRunning()) {
            kafka.getDockerClient().stopContainerCmd(kafka.getContainerId()).exec();
        }
    }

    @Override
    public synchronized void startKafka() {
        if (kafkaRunning()) {
            return;
        }
        kafka.getDockerClient().startContainerCmd(kafka.getContainerId()).exec();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"))) {
            Awaitility.await("Kafka container back at " + kafkaBootstrapServers())
                    .atMost(Duration.ofMinutes(2))
                    .ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }

    @Override
    public boolean kafkaRunning() {
        return Boolean.TRUE.equals(kafka.getDockerClient().inspectContainerCmd(kafka.getContainerId()).exec()
                .getState().getRunning());
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
