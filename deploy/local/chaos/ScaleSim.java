import java.io.FileInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The intake → consumer path at a larger scale on this machine (docs/scaling.md): a topic of 12 partitions keyed by
 * report id, as lookout.complaint.v1 is; each report's events written in order, as the outbox relay does; then read by
 * a consumer group of 1, 2 and 3 instances whose handling of one event costs {@code work-ms} (one database transaction
 * of a consumer: processed_event + the effect). Prints throughput per instance count, its ratio to one instance, and
 * whether every report's events arrived in order and each once.
 *
 * <pre>
 * java -cp "$(cat .lookout/kafka/classpath.txt)" ScaleSim.java &lt;admin.properties&gt; [partitions] [reports]
 *     [events-per-report] [work-ms] [instances,...]
 * </pre>
 */
public class ScaleSim {

    public static void main(String[] args) throws Exception {
        Properties admin = new Properties();
        try (FileInputStream in = new FileInputStream(args[0])) {
            admin.load(in);
        }
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int reports = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int perReport = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        double workMs = args.length > 4 ? Double.parseDouble(args[4]) : 2.0;
        String[] counts = (args.length > 5 ? args[5] : "1,2,3").split(",");
        String topic = "lookout.sim.complaint." + UUID.randomUUID().toString().substring(0, 8);

        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try {
            long produceStart = System.nanoTime();
            produce(admin, topic, reports, perReport);
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            int total = reports * perReport;
            System.out.printf("topic %s: %d partitions, %d reports × %d events = %d events written in %.1f s (%.0f/s)%n",
                    topic, partitions, reports, perReport, total, produceSeconds, total / produceSeconds);
            System.out.printf("consumer work per event: %.1f ms%n%n", workMs);
            System.out.println("| instances | seconds | events/s | × one instance | out of order | redelivered (skipped) |");
            System.out.println("|---|---|---|---|---|---|");
            double base = 0;
            for (String count : counts) {
                Result result = consume(admin, topic, partitions, total, Integer.parseInt(count.trim()), workMs);
                if (base == 0) {
                    base = result.perSecond();
                }
                System.out.printf("| %s | %.1f | %.0f | %.2f | %d | %d |%n", count.trim(), result.seconds(),
                        result.perSecond(), result.perSecond() / base, result.outOfOrder(), result.redelivered());
            }
        } finally {
            try (Admin client = Admin.create(admin)) {
                client.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Reports interleaved as they would arrive; each report's events in order (sequence 1..n), keyed by its id. */
    static void produce(Properties admin, String topic, int reports, int perReport) throws Exception {
        Properties props = new Properties();
        props.putAll(admin);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int seq = 1; seq <= perReport; seq++) {
                for (String id : ids) {
                    producer.send(new ProducerRecord<>(topic, id, Integer.toString(seq)));
                }
            }
            producer.flush();
        }
    }

    /** {@code redelivered}: records read again after a rebalance, skipped as processed_event makes the services do. */
    record Result(double seconds, double perSecond, int outOfOrder, int redelivered) {
    }

    static Result consume(Properties admin, String topic, int partitions, int total, int instances, double workMs)
            throws Exception {
        String group = "sim-" + instances + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Integer> lastSeq = new ConcurrentHashMap<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger twice = new AtomicInteger();
        AtomicLong firstAt = new AtomicLong();
        CountDownLatch done = new CountDownLatch(instances);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            threads.add(Thread.ofPlatform().name("consumer-" + i).start(() -> {
                Properties props = new Properties();
                props.putAll(admin);
                props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
                props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
                props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                    consumer.subscribe(List.of(topic));
                    // the clock runs from the first record any instance handles to the last
                    while (applied.get() < total) {
                        var records = consumer.poll(Duration.ofMillis(200));
                        if (records.isEmpty()) {
                            continue;
                        }
                        firstAt.compareAndSet(0, System.nanoTime());
                        for (ConsumerRecord<String, String> record : records) {
                            if (!seen.add(record.key() + "/" + record.value())) {
                                // read again after a rebalance: the real consumers skip it (processed_event)
                                twice.incrementAndGet();
                                continue;
                            }
                            int seq = Integer.parseInt(record.value());
                            Integer previous = lastSeq.put(record.key(), seq);
                            if ((previous == null ? 0 : previous) != seq - 1) {
                                outOfOrder.incrementAndGet();
                            }
                            work(workMs);
                            applied.incrementAndGet();
                        }
                        consumer.commitSync();
                    }
                } finally {
                    done.countDown();
                }
            }));
        }
        if (!done.await(15, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the consumers did not finish within 15 minutes");
        }
        double seconds = (System.nanoTime() - firstAt.get()) / 1e9;
        return new Result(seconds, total / seconds, outOfOrder.get(), twice.get());
    }

    /** The consumer's work on one event: waiting on the database, as a real consumer does (not CPU). */
    static void work(double ms) {
        try {
            Thread.sleep(Duration.ofNanos((long) (ms * 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
