package org.lookout.system;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** The running stack that ./lookout up started: where it is and how to talk to it as a real client would. */
final class Stack {

    static final String GATEWAY = env("LOOKOUT_GATEWAY_URL", "http://127.0.0.1:8080");
    static final String KEYCLOAK = env("LOOKOUT_KEYCLOAK_URL", "http://127.0.0.1:18180");
    static final String KAFKA = env("LOOKOUT_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    static final String DEMO_PASSWORD = env("LOOKOUT_DEMO_PASSWORD", "demo");
    static final String TOKEN_URL = KEYCLOAK + "/realms/lookout/protocol/openid-connect/token";
    /** The read-only Kafka client of the system tests (the development realm's kafka-system-tests). */
    static final String KAFKA_TEST_CLIENT = "kafka-system-tests";

    static {
        // Kafka 4 clients fetch tokens only from the URLs this system property allows
        System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", TOKEN_URL);
    }
    /** escalation-service's database (login = password = name), for the one test that must let a working day pass. */
    static final String ESCALATION_DATABASE = "jdbc:postgresql://127.0.0.1:" + env("LOOKOUT_PG_PORT", "15432")
            + "/escalation";

    private Stack() {
    }

    /** An access token of a demo user from the running Keycloak (password grant of the mobile app's public client). */
    static String token(String user) {
        return given().baseUri(KEYCLOAK)
                .formParams(Map.of("grant_type", "password", "client_id", "lookout-app", "username", user,
                        "password", DEMO_PASSWORD))
                .post("/realms/lookout/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A client-credentials token of a demo agency's confidential client. */
    static String agencyToken(String clientId) {
        return given().baseUri(KEYCLOAK)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", developmentSecret(clientId)))
                .post("/realms/lookout/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The development secret of a Keycloak client of the realm: {@code <client id>-secret}. */
    static String developmentSecret(String clientId) {
        return clientId + "-secret";
    }

    /**
     * Settings of a Kafka client that logs in as Keycloak client {@code clientId} with its client credentials, as every
     * service and agency does (SASL OAUTHBEARER; the broker takes the principal User:{@code clientId} from the token).
     */
    static Properties kafkaClient(String clientId, String secret) {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        config.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, TOKEN_URL);
        config.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        config.put(SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        config.put(SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID, clientId);
        config.put(SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET, secret);
        return config;
    }

    /** Reads {@code topic} from the beginning as the system tests' Kafka client until a record matches. */
    static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties config = kafkaClient(KAFKA_TEST_CLIENT,
                env("LOOKOUT_KAFKA_TEST_SECRET", developmentSecret(KAFKA_TEST_CLIENT)));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(match);
            });
            return seen.stream().filter(match).findFirst().orElseThrow();
        }
    }

    /** Runs one statement on escalation-service's database; answers how many rows it changed. */
    static int inEscalationDatabase(String statement, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(ESCALATION_DATABASE, "escalation", "escalation");
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("escalation database: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
