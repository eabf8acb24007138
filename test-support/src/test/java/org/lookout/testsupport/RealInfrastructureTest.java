package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lookout.contracts.Topics;

/**
 * Drives {@link RealInfrastructure} through the lifecycle-manager API as Quarkus does, without Quarkus.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealInfrastructureTest {

    private static final String TOPIC = "lookout.probe.v1";

    private static RealInfrastructure infrastructure;
    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        infrastructure = new RealInfrastructure();
        infrastructure.init(Map.of(RealInfrastructure.DATABASE_ARG, "complaint"));
        config = infrastructure.start();
    }

    @AfterAll
    static void stopAndLeaveNothingBehind() {
        String port = config.get("quarkus.datasource.jdbc.url").replaceAll(".*:(\\d+)/.*", "$1");
        assertThat(postgresProcesses(port)).as("our postmaster and its children while running").isNotEmpty();
        infrastructure.stop();
        assertThat(postgresProcesses(port)).as("postgres processes left on port " + port).isEmpty();
        assertThatThrownBy(RealInfrastructure::kafkaBootstrapServers).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Order(1)
    void handsQuarkusTheDatasourceAndKafkaSettings() {
        assertThat(config)
                .containsEntry("quarkus.datasource.username", "complaint")
                .containsEntry("quarkus.datasource.password", "complaint")
                .containsEntry("kafka.bootstrap.servers", RealInfrastructure.kafkaBootstrapServers())
                .containsEntry("quarkus.datasource.jdbc.url", RealInfrastructure.jdbcUrl());
        assertThat(config).as("dev services are fixed at build time; services switch them off themselves")
                .doesNotContainKeys("quarkus.datasource.devservices.enabled", "quarkus.kafka.devservices.enabled");
        assertThat(config.get("quarkus.datasource.reactive.url")).matches("postgresql://127\\.0\\.0\\.1:\\d+/complaint");
        assertThat(config.get("quarkus.datasource.jdbc.url")).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/complaint");
    }

    @Test
    @Order(1)
    void theReferenceDataTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.COMPLAINT_REFERENCE);
            Config settings = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

            assertThat(settings.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(Topics.COMPLAINT_REFERENCE)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.COMPLAINT_REFERENCE).partitions()).hasSize(6);
        }
    }

    @Test
    @Order(2)
    void theServiceLoginOwnsItsDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE report (id bigint PRIMARY KEY, title text NOT NULL)");
            statement.execute("INSERT INTO report VALUES (1, '楼道照明 corridor light')");
            try (ResultSet result = statement.executeQuery(
                    "SELECT current_user, current_database(), current_setting('server_version_num')::int, title FROM report")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("complaint");
                assertThat(result.getString(2)).isEqualTo("complaint");
                assertThat(result.getInt(3)).isGreaterThanOrEqualTo(170000);
                assertThat(result.getString(4)).isEqualTo("楼道照明 corridor light");
            }
        }
    }

    @Test
    @Order(3)
    void aSecondUserGetsItsOwnDatabaseOnTheSameServers() throws Exception {
        RealInfrastructure second = new RealInfrastructure();
        second.init(Map.of(RealInfrastructure.DATABASE_ARG, "cadre_registry"));
        Map<String, String> secondConfig = second.start();
        try {
            assertThat(secondConfig.get("kafka.bootstrap.servers")).isEqualTo(config.get("kafka.bootstrap.servers"));
            assertThat(secondConfig.get("quarkus.datasource.jdbc.url"))
                    .isEqualTo(config.get("quarkus.datasource.jdbc.url").replace("/complaint", "/cadre_registry"));
            try (Connection connection = DriverManager.getConnection(secondConfig.get("quarkus.datasource.jdbc.url"),
                    "cadre_registry", "cadre_registry");
                    ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("cadre_registry");
            }
        } finally {
            second.stop();
        }
        // the first user still has both servers
        assertThat(RealInfrastructure.kafkaRunning()).isTrue();
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl("complaint"), "complaint",
                "complaint")) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    @Order(4)
    void aRecordSentIsReadBackWithKeyAndHeaders() {
        String key = UUID.randomUUID().toString();
        TopicProbe.send(TOPIC, key, Map.of("ce_type", "lookout.complaint.submitted.v1"), "{\"n\":1}");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(TOPIC, r -> key.equals(r.key()));

        assertThat(record.value()).isEqualTo("{\"n\":1}");
        assertThat(TopicProbe.header(record, "ce_type")).contains("lookout.complaint.submitted.v1");
    }

    @Test
    @Order(5)
    void kafkaComesBackOnTheSamePortWithItsRecords() throws Exception {
        String bootstrap = RealInfrastructure.kafkaBootstrapServers();
        String key = UUID.randomUUID().toString();
        TopicProbe.send(TOPIC, key, Map.of(), "before");

        try (KafkaProducer<String, String> relay = retryingProducer(bootstrap)) {
            relay.send(new ProducerRecord<>(TOPIC, key, "warm-up")).get(30, TimeUnit.SECONDS);

            RealInfrastructure.stopKafka();
            assertThat(RealInfrastructure.kafkaRunning()).isFalse();
            assertThat(accepts(bootstrap)).as("broker port while Kafka is down").isFalse();
            // as an outbox relay would: keep the record and retry while the broker is away. With the broker gone
            // the client drops its metadata (rebootstrap), so send() itself blocks until the broker is back.
            CompletableFuture<RecordMetadata> duringOutage = new CompletableFuture<>();
            Thread sender = new Thread(() -> {
                try {
                    duringOutage.complete(relay.send(new ProducerRecord<>(TOPIC, key, "during-outage")).get());
                } catch (Exception e) {
                    duringOutage.completeExceptionally(e);
                }
            }, "relay-during-outage");
            sender.start();
            assertThat(duringOutage).as("delivery while Kafka is down").isNotDone();

            RealInfrastructure.startKafka();
            assertThat(RealInfrastructure.kafkaBootstrapServers()).isEqualTo(bootstrap);
            assertThat(accepts(bootstrap)).isTrue();
            duringOutage.get(60, TimeUnit.SECONDS);
            sender.join();
        }
        TopicProbe.send(TOPIC, key, Map.of(), "after");

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecordsWithKey(TOPIC, key, 4, Duration.ofSeconds(60));
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("before", "warm-up", "during-outage", "after");
    }

    @Test
    @Order(6)
    void probeTimesOutWithWhatItRead() {
        assertThatThrownBy(() -> TopicProbe.readUntil(TOPIC, read -> false, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(TOPIC);
    }

    @Test
    @Order(7)
    void postgresComesBackOnTheSamePortWithItsData() throws Exception {
        String url = RealInfrastructure.jdbcUrl("complaint");
        String port = url.replaceAll(".*:(\\d+)/.*", "$1");
        try (Connection open = DriverManager.getConnection(url, "complaint", "complaint")) {
            RealInfrastructure.stopDatabase();
            try {
                assertThat(RealInfrastructure.databaseRunning()).isFalse();
                assertThat(accepts("127.0.0.1:" + port)).as("PostgreSQL port while it is down").isFalse();
                assertThat(open.isValid(2)).as("a session open before the outage").isFalse();
                assertThatThrownBy(() -> DriverManager.getConnection(url, "complaint", "complaint"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(refused -> assertThat(((SQLException) refused).getSQLState()).startsWith("08"));
            } finally {
                RealInfrastructure.startDatabase();
            }
        }
        assertThat(RealInfrastructure.databaseRunning()).isTrue();
        assertThat(RealInfrastructure.jdbcUrl("complaint")).isEqualTo(url);
        try (Connection connection = DriverManager.getConnection(url, "complaint", "complaint");
                ResultSet result = connection.createStatement().executeQuery("SELECT title FROM report WHERE id = 1")) {
            assertThat(result.next()).as("the row written before the outage").isTrue();
            assertThat(result.getString(1)).isEqualTo("楼道照明 corridor light");
        }
    }

    private static KafkaProducer<String, String> retryingProducer(String bootstrap) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        producerConfig.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    private static boolean accepts(String bootstrap) {
        String[] hostPort = bootstrap.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Processes started from the binary cache for the server on this port (children inherit the postmaster's name). */
    private static List<String> postgresProcesses(String port) {
        Path cache = EmbeddedPostgresServer.binaryCache().toAbsolutePath();
        List<Long> postmasters = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.startsWith(cache.toString())).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(" -p " + port + " ")).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
        return ProcessHandle.allProcesses()
                .filter(p -> postmasters.contains(p.pid())
                        || p.parent().map(parent -> postmasters.contains(parent.pid())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }
}
