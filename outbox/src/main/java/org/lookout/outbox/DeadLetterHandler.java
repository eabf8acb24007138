package org.lookout.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.lookout.contracts.CloudEventKafka;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The failure strategy {@code lookout-dead-letter} of every incoming channel: parks a record the {@link EventRouter}
 * gave up on on the channel's {@code dead-letter-queue.topic} with its original key and value and only the decided
 * headers ({@link #HEADERS}, docs/dead-letter-topics.md) — never an exception's class or text, which SmallRye's own
 * {@code dead-letter-queue} strategy copies onto the topic — then acknowledges it so the partition goes on.
 */
public final class DeadLetterHandler implements KafkaFailureHandler {

    /** The failure strategy's name: {@code mp.messaging.incoming.<channel>.failure-strategy=lookout-dead-letter}. */
    public static final String STRATEGY = "lookout-dead-letter";

    public static final String TOPIC = "dlq-topic";
    public static final String PARTITION = "dlq-partition";
    public static final String OFFSET = "dlq-offset";
    public static final String CODE = "dlq-code";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String FIRST_FAILURE = "dlq-first-failure";
    public static final String LAST_FAILURE = "dlq-last-failure";

    /** The event's own headers kept from the original record, so that a replay restores it as it was. */
    public static final List<String> EVENT_HEADERS = List.of(CloudEventKafka.SPEC_VERSION, CloudEventKafka.ID,
            CloudEventKafka.SOURCE, CloudEventKafka.TYPE, CloudEventKafka.SUBJECT, CloudEventKafka.TIME,
            CloudEventKafka.CONTENT_TYPE);

    /** Every header a parked record may carry; nothing else is written. */
    public static final List<String> HEADERS = Stream.concat(EVENT_HEADERS.stream(),
            Stream.of(TOPIC, PARTITION, OFFSET, CODE, ATTEMPTS, FIRST_FAILURE, LAST_FAILURE)).toList();

    /** Consumer settings that are producer settings too but must not be copied. */
    private static final List<String> OWN_SETTINGS = List.of(CommonClientConfigs.CLIENT_ID_CONFIG,
            ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    private static final Logger LOG = Logger.getLogger(DeadLetterHandler.class);

    private final String channel;
    private final String deadLetterTopic;
    private final KafkaProducer<Object, Object> producer;
    private final DeadLetters deadLetters;

    private DeadLetterHandler(String channel, String deadLetterTopic, KafkaProducer<Object, Object> producer,
            DeadLetters deadLetters) {
        this.channel = channel;
        this.deadLetterTopic = deadLetterTopic;
        this.producer = producer;
        this.deadLetters = deadLetters;
    }

    @ApplicationScoped
    @Unremovable
    @Identifier(STRATEGY)
    public static class Factory implements KafkaFailureHandler.Factory {

        @Inject
        DeadLetters deadLetters;

        @Override
        public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            String topic = config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel());
            deadLetters.watch(config.getChannel());
            return new DeadLetterHandler(config.getChannel(), topic,
                    new KafkaProducer<>(producerConfig(consumer.configuration(), config.getChannel())), deadLetters);
        }
    }

    /** The consumer's connection and security settings, serializers mirroring its deserializers, every write acknowledged. */
    static Map<String, Object> producerConfig(Map<String, ?> consumer, String channel) {
        Map<String, Object> producer = new HashMap<>();
        consumer.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && !OWN_SETTINGS.contains(key)) {
                producer.put(key, value);
            }
        });
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                mirror(consumer.get(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)));
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                mirror(consumer.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)));
        producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, "lookout-dead-letter-" + channel);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return producer;
    }

    private static String mirror(Object deserializer) {
        return deserializer == null ? StringSerializer.class.getName()
                : String.valueOf(deserializer instanceof Class<?> type ? type.getName() : deserializer)
                        .replace("Deserializer", "Serializer");
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        ParkedEventException parked = ParkedEventException.of(reason);
        ProducerRecord<Object, Object> dead = new ProducerRecord<>(deadLetterTopic, null, record.getKey(),
                record.getPayload());
        for (Header header : record.getHeaders()) {
            if (EVENT_HEADERS.contains(header.key())) {
                dead.headers().add(header.key(), header.value());
            }
        }
        add(dead, TOPIC, record.getTopic());
        add(dead, PARTITION, Integer.toString(record.getPartition()));
        add(dead, OFFSET, Long.toString(record.getOffset()));
        add(dead, CODE, parked.code().code());
        add(dead, ATTEMPTS, Integer.toString(parked.attempts()));
        add(dead, FIRST_FAILURE, parked.firstFailure().toString());
        add(dead, LAST_FAILURE, parked.lastFailure().toString());

        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(dead, (written, failure) -> {
            if (failure != null) {
                sent.completeExceptionally(failure);
            } else {
                sent.complete(null);
            }
        });
        return Uni.createFrom().completionStage(sent)
                .invoke(() -> {
                    deadLetters.parked(channel, parked.code(), parked.eventId() != null ? parked.eventId()
                            : header(record, CloudEventKafka.ID));
                    LOG.infof("%s: record %s-%d@%d parked on %s (%s, %d attempts)", channel, record.getTopic(),
                            record.getPartition(), record.getOffset(), deadLetterTopic, parked.code().code(),
                            parked.attempts());
                })
                .chain(() -> Uni.createFrom().completionStage(record.ack()))
                .emitOn(record::runOnMessageContext);
    }

    private static String header(IncomingKafkaRecord<?, ?> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void terminate() {
        producer.close(Duration.ofSeconds(5));
    }
}
