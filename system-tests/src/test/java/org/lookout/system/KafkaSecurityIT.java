package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The broker of the running stack authenticates and authorises (docs/identity-and-kafka-security.md, "Kafka security"): only a
 * client-credentials token that Keycloak signed for the Kafka audience gets in, and then only to what deploy/kafka/acls.txt
 * allows its client. Every client here is a real Kafka client against the real broker; nothing is written anywhere,
 * because every write tried is one that must be refused.
 */
class KafkaSecurityIT {

    private static final String POLICE = "agency-police-dcy";
    private static final String POLICE_TOPIC = "lookout.agency.police-dcy.v1";
    private static final Duration REFUSAL = Duration.ofSeconds(30);

    @Test
    void aClientWithoutATokenCannotEvenListTheTopics() {
        Properties plaintext = new Properties();
        plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);

        try (KafkaConsumer<String, String> consumer = consumer(plaintext, null)) {
            assertRefused(() -> consumer.listTopics(Duration.ofSeconds(10)), TimeoutException.class);
        }
    }

    @Test
    void aResolvedEventForgedWithoutCredentialsNeverReachesTheBroker() {
        Properties plaintext = new Properties();
        plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        plaintext.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");

        assertRefused(() -> send(plaintext, forgedResolved()), TimeoutException.class);
    }

    @Test
    void aTokenSignedByAnyoneButKeycloakIsRefused() throws Exception {
        // the claims of a real token of complaint-service's client, the key id of the realm's key, our own signature
        String kid = header(Stack.agencyToken(POLICE)).path("kid").asText();
        long now = Instant.now().getEpochSecond();
        String claims = """
                {"iss":"%s/realms/lookout","aud":"lookout-kafka","azp":"kafka-complaint-service",\
                "sub":"%s","typ":"Bearer","iat":%d,"exp":%d}""".formatted(Stack.KEYCLOAK, UUID.randomUUID(), now, now + 300);
        String forged = signedWithAKeyOfOurOwn(kid, claims);

        try (KafkaConsumer<String, String> consumer = consumer(withToken(forged), null)) {
            assertRefused(() -> consumer.listTopics(REFUSAL), SaslAuthenticationException.class);
        }
    }

    @Test
    void aResidentsTokenIsNotForKafka() {
        // signed by Keycloak, but for the API audience: only the realm's Kafka clients and agencies get lookout-kafka
        String residentToken = Stack.token("resident1");
        assertThat(claims(residentToken).path("aud").toString()).doesNotContain("lookout-kafka");

        try (KafkaConsumer<String, String> consumer = consumer(withToken(residentToken), null)) {
            assertRefused(() -> consumer.listTopics(REFUSAL), SaslAuthenticationException.class);
        }
    }

    @Test
    void anAgencyReadsItsOwnTopicWithAGroupOfItsOwn() {
        try (KafkaConsumer<String, String> consumer = consumer(agency(POLICE), POLICE + ".system-tests-" + UUID.randomUUID())) {
            List<TopicPartition> partitions = partitions(consumer, POLICE_TOPIC);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ofSeconds(2));
            Map<TopicPartition, OffsetAndMetadata> read = new HashMap<>();
            partitions.forEach(partition -> read.put(partition, new OffsetAndMetadata(consumer.position(partition))));

            consumer.commitSync(read, Duration.ofSeconds(30));

            assertThat(consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30))).containsOnlyKeys(partitions);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lookout.agency.market-dcy.v1", "lookout.agency.discipline-district.v1",
            Topics.ESCALATION, Topics.COMPLAINT, Topics.CADRE, Topics.COMPLAINT_REFERENCE})
    void anAgencyIsRefusedEveryOtherTopic(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(agency(POLICE), null)) {
            assertRefused(() -> consumer.partitionsFor(topic, REFUSAL), TopicAuthorizationException.class);

            consumer.assign(List.of(new TopicPartition(topic, 0)));
            assertRefused(() -> consumer.poll(REFUSAL), TopicAuthorizationException.class);
        }
    }

    @Test
    void anAgencyCannotUseAnotherAgencysConsumerGroups() {
        try (KafkaConsumer<String, String> consumer = consumer(agency(POLICE), "agency-market-dcy.escalations")) {
            consumer.assign(partitions(consumer, POLICE_TOPIC));

            assertRefused(() -> consumer.poll(REFUSAL), GroupAuthorizationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka-escalation-service", "agency-psb-district"})
    void nobodyButComplaintServiceNotificationServiceAndTheCadreRegistryReadTheEscalationTopic(String client) {
        try (KafkaConsumer<String, String> consumer = consumer(agency(client), null)) {
            consumer.assign(List.of(new TopicPartition(Topics.ESCALATION, 0)));

            assertRefused(() -> consumer.poll(REFUSAL), TopicAuthorizationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka-escalation-service", "kafka-notification-service", "kafka-cadre-registry-service",
            POLICE, "kafka-system-tests"})
    void onlyComplaintServiceWritesTheComplaintTopic(String client) {
        Properties config = Stack.kafkaClient(client, Stack.developmentSecret(client));

        assertRefused(() -> send(config, forgedResolved()), TopicAuthorizationException.class);
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopicsNorAnAgencyItsOwn() {
        Properties complaintService = Stack.kafkaClient("kafka-complaint-service",
                Stack.developmentSecret("kafka-complaint-service"));
        Properties police = agency(POLICE);

        assertRefused(() -> send(complaintService, new ProducerRecord<>(Topics.ESCALATION, "forged", "{}")),
                TopicAuthorizationException.class);
        assertRefused(() -> send(complaintService, new ProducerRecord<>(POLICE_TOPIC, "forged", "{}")),
                TopicAuthorizationException.class);
        assertRefused(() -> send(police, new ProducerRecord<>(POLICE_TOPIC, "forged", "{}")),
                TopicAuthorizationException.class);
    }

    /** What kcat was used for: complaint-service's "resolved" for a report, from a client that is not complaint-service. */
    private static ProducerRecord<String, String> forgedResolved() {
        String report = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.COMPLAINT, report,
                "{\"complaintId\":\"" + report + "\",\"status\":\"RESOLVED\"}");
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "complaint-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", EventType.COMPLAINT_RESOLVED.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Sends one record and waits for the broker's answer. Like kcat: not idempotent, so the only right asked for is
     * WRITE on the record's topic.
     */
    private static void send(Properties config, ProducerRecord<String, String> record) throws Exception {
        Properties producerConfig = new Properties();
        producerConfig.putAll(config);
        producerConfig.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "1");
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get(60, TimeUnit.SECONDS);
        }
    }

    /** {@code call} fails, and what made it fail (the innermost cause) is a {@code refusal}. */
    private static void assertRefused(ThrowingCallable call, Class<? extends Throwable> refusal) {
        assertThatThrownBy(call).satisfies(thrown -> {
            Throwable cause = thrown;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).as("what refused the call").isInstanceOf(refusal);
        });
    }

    private static Properties agency(String clientId) {
        return Stack.kafkaClient(clientId, Stack.developmentSecret(clientId));
    }

    private static KafkaConsumer<String, String> consumer(Properties config, String group) {
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(config);
        if (group != null) {
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, partition.partition()));
        }
        assertThat(partitions).isNotEmpty();
        return partitions;
    }

    /** A SASL OAUTHBEARER client that presents {@code token} as it is, whoever made it. */
    private static Properties withToken(String token) {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        config.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, GivenToken.class.getName());
        config.put(SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token=\"" + token + "\";");
        return config;
    }

    private static String signedWithAKeyOfOurOwn(String kid, String claims) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.generateKeyPair().getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rsa.sign());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    private static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonNode part(String jwt, int index) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    /** Login callback handler that hands the broker the JAAS option {@code token}, unchecked. */
    public static final class GivenToken implements AuthenticateCallbackHandler {

        private String token;

        @Override
        public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> entries) {
            token = (String) entries.get(0).getOptions().get("token");
        }

        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                    long now = System.currentTimeMillis();
                    tokenCallback.token(new OAuthBearerToken() {
                        @Override
                        public String value() {
                            return token;
                        }

                        @Override
                        public Set<String> scope() {
                            return Set.of();
                        }

                        @Override
                        public long lifetimeMs() {
                            return now + 300_000;
                        }

                        @Override
                        public String principalName() {
                            return "presented-as-is";
                        }

                        @Override
                        public Long startTimeMs() {
                            return now;
                        }
                    });
                } else if (!(callback instanceof SaslExtensionsCallback)) {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
