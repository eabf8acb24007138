package org.lookout.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Plain Kafka clients for assertions on {@link RealInfrastructure}'s broker: read a topic from its beginning
 * until what was read satisfies a condition, and send a record as another service would.
 * <p>
 * Reading uses no consumer group (partitions are assigned, nothing is committed), so probes never disturb the
 * consumers of the application under test and every probe sees the whole topic.
 */
public final class TopicProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private TopicProbe() {
    }

    /**
     * Reads {@code topic} from the beginning until the records read so far satisfy {@code done}.
     *
     * @return every record read, in partition order (records of one key keep their order)
     * @throws AssertionError after {@code timeout}, naming what was read
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(read)) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new AssertionError("Within " + timeout + " the " + read.size() + " records of " + topic
                            + " did not satisfy the condition: " + describe(read));
                }
                consumer.poll(min(POLL, left)).forEach(read::add);
            }
            return read;
        }
    }

    public static List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        return readUntil(topic, done, DEFAULT_TIMEOUT);
    }

    /**
     * Every record of {@code topic} written so far: reads from the beginning up to the end offsets of this moment. A
     * topic that does not exist (nothing was ever written to it) has no records; the probe does not create it.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<PartitionInfo> found = consumer.listTopics(timeout).getOrDefault(topic, List.of());
            if (found.isEmpty()) {
                return read;
            }
            List<TopicPartition> partitions = found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new AssertionError("Within " + timeout + " only " + read.size() + " records of " + topic
                            + " were read, not all up to " + end);
                }
                consumer.poll(min(POLL, left)).forEach(read::add);
            }
            return read;
        }
    }

    public static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        return readToEnd(topic, DEFAULT_TIMEOUT);
    }

    /** Waits for the first record of {@code topic} that matches, reading from the beginning. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        return readUntil(topic, read -> read.stream().anyMatch(match), timeout).stream()
                .filter(match)
                .findFirst()
                .orElseThrow();
    }

    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecord(topic, match, DEFAULT_TIMEOUT);
    }

    /** Every record of {@code topic} with this key, once there are at least {@code count} of them. */
    public static List<ConsumerRecord<String, String>> awaitRecordsWithKey(String topic, String key, int count,
            Duration timeout) {
        return readUntil(topic, read -> read.stream().filter(r -> key.equals(r.key())).count() >= count, timeout)
                .stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    /** The value of a header as text, if present (the last one if repeated). */
    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /**
     * Sends one record and waits until the broker acknowledged it on all in-sync replicas.
     *
     * @param headers text headers, e.g. CloudEvents binary-mode {@code ce_*} attributes; may be empty
     */
    public static RecordMetadata send(String topic, String key, Map<String, String> headers, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "topic-probe-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    private static Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a probe must not create the topic it waits for: the application under test decides its shape
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-probe-" + UUID.randomUUID());
        return config;
    }

    /** A topic appears when its first record is written; until then, ask again until the deadline. */
    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> consumer, String topic,
            Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        List<PartitionInfo> partitions;
        try {
            partitions = Awaitility.await("topic " + topic + " to exist")
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .atMost(left.isNegative() ? Duration.ZERO : left)
                    .until(() -> consumer.listTopics(Duration.ofSeconds(5)).getOrDefault(topic, List.of()),
                            found -> !found.isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Topic " + topic + " does not exist", e);
        }
        return partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<String, String> record : records.subList(Math.max(0, records.size() - 10), records.size())) {
            text.append("\n  ").append(record.partition()).append('@').append(record.offset())
                    .append(" key=").append(record.key()).append(" value=").append(record.value());
        }
        return records.isEmpty() ? "(none)" : text.toString();
    }
}
