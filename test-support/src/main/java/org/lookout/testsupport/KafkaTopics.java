package org.lookout.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.lookout.contracts.Topics;

/**
 * The topics that need settings of their own, created before any client writes: a topic created on first use gets the
 * broker's defaults. The others appear on first use with the broker's 6 partitions, as in deploy/local/kafka.sh.
 */
final class KafkaTopics {

    /** The reference data's current state per key: compacted, so the latest record of every key is kept for ever. */
    static final Map<String, Map<String, String>> WITH_SETTINGS = Map.of(
            Topics.COMPLAINT_REFERENCE, Map.of("cleanup.policy", "compact"));
    static final int PARTITIONS = 6;

    private KafkaTopics() {
    }

    static void create(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = WITH_SETTINGS.entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), PARTITIONS, (short) 1).configs(topic.getValue()))
                    .toList();
            admin.createTopics(topics).values().values().forEach(KafkaTopics::awaitCreated);
        }
    }

    private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> created) {
        try {
            created.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create a Kafka topic", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a Kafka topic", e);
        }
    }
}
