package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.DatabaseOutage;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.TopicProbe;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Poison on real Kafka and PostgreSQL: {@link TroubledConsumer} reads {@code outbox-test.events} with the failure
 * strategy {@code lookout-dead-letter} and a poison policy of 3 tries within a second.
 */
@QuarkusTest
@OutboxTestResources
class DeadLetterTest {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of(OutboxTestResources.DATABASE);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLQ = TroubledConsumer.DEAD_LETTER_TOPIC;

    @Inject
    TroubledConsumer consumer;

    @Inject
    MeterRegistry registry;

    @Test
    void anEventFailingTwiceThenSucceedingIsAppliedOnceAndNotParked() {
        CloudEvent event = newEvent();
        consumer.failTimes(event.id(), 2);

        send(event);

        await().atMost(WAIT).until(() -> consumer.applied(event.id()) == 1);
        assertThat(DATABASE.strings("select event_id from processed_event where consumer = ?",
                TroubledConsumer.CONSUMER)).contains(event.id());
        assertThat(parkedWithKey(event.subject())).isEmpty();
    }

    @Test
    void anEventAlwaysFailingIsParkedAfterThreeTriesWithTheDecidedHeadersOnlyAndThePartitionGoesOn() {
        CloudEvent poison = newEvent();
        CloudEvent next = GoldenEvents.sameReport(poison, data -> {
        });
        consumer.failTimes(poison.id(), Integer.MAX_VALUE);
        double parkedBefore = parkedCount();

        RecordMetadata sent = send(poison);
        send(next);

        await().atMost(WAIT).until(() -> consumer.applied(next.id()) == 1);
        ConsumerRecord<String, String> parked = TopicProbe.awaitRecord(DLQ, r -> poison.subject().equals(r.key()));
        Map<String, String> headers = headers(parked);
        assertThat(headers.keySet()).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_type", "ce_source",
                "ce_subject", "ce_time", "content-type", "dlq-topic", "dlq-partition", "dlq-offset", "dlq-code",
                "dlq-attempts", "dlq-first-failure", "dlq-last-failure");
        assertThat(headers).containsEntry("ce_id", poison.id())
                .containsEntry("ce_type", EventType.COMPLAINT_SUBMITTED.type())
                .containsEntry("dlq-topic", TroubledConsumer.TOPIC)
                .containsEntry("dlq-partition", Integer.toString(sent.partition()))
                .containsEntry("dlq-offset", Long.toString(sent.offset()))
                .containsEntry("dlq-code", "rejected")
                .containsEntry("dlq-attempts", "3");
        assertThat(Instant.parse(headers.get("dlq-last-failure")))
                .isAfter(Instant.parse(headers.get("dlq-first-failure")));
        assertThat(String.join(" ", headers.values())).as("no class names, no exception text, no personal data")
                .doesNotContain("Exception", "java.", "org.lookout", "Jane", "Hill Street", "cannot be taken");
        assertThat(parked.value()).isEqualTo(EventJson.write(poison.data()));
        assertThat(consumer.applied(poison.id())).isZero();
        assertThat(parkedWithKey(poison.subject())).hasSize(1);
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
        assertThat(waiting()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anOutageIsWaitedOutNeverParked() {
        CloudEvent event = newEvent();
        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            outage.whileDatabaseDown(() -> send(event), () -> outage.failedAttempts(event.id()) >= 4);

            await().atMost(WAIT).until(() -> consumer.applied(event.id()) == 1);
            assertThat(outage.parkedOf(List.of(event.subject()))).isEmpty();
        }
    }

    @Test
    void aReplayedEventAppliesOnceAndASecondReplayIsANoOp() {
        CloudEvent event = newEvent();
        consumer.failTimes(event.id(), Integer.MAX_VALUE);
        send(event);
        ConsumerRecord<String, String> parked = TopicProbe.awaitRecord(DLQ, r -> event.subject().equals(r.key()), WAIT);
        double waitingBefore = waiting();
        consumer.heal(event.id());

        replay(parked);
        await().atMost(WAIT).until(() -> consumer.applied(event.id()) == 1);
        replay(parked);
        CloudEvent after = GoldenEvents.sameReport(event, data -> {
        });
        send(after);

        // the second replay lies before this event on the same partition: once this one applied, that one was read
        await().atMost(WAIT).until(() -> consumer.applied(after.id()) == 1);
        assertThat(consumer.applied(event.id())).isEqualTo(1);
        assertThat(waiting()).as("the replayed event no longer waits").isEqualTo(waitingBefore - 1);
        assertThat(parkedWithKey(event.subject())).as("the replays were not parked again").hasSize(1);
    }

    /** What {@code ./lookout dlq replay} does: key, value and the event's own headers back onto the original topic. */
    private static void replay(ConsumerRecord<String, String> parked) {
        Map<String, String> headers = new LinkedHashMap<>(headers(parked));
        headers.keySet().retainAll(DeadLetterHandler.EVENT_HEADERS);
        TopicProbe.send(TopicProbe.header(parked, DeadLetterHandler.TOPIC).orElseThrow(), parked.key(), headers,
                parked.value());
    }

    private static CloudEvent newEvent() {
        return GoldenEvents.about(EventType.COMPLAINT_SUBMITTED, UUID.randomUUID().toString(), data -> {
        });
    }

    private static RecordMetadata send(CloudEvent event) {
        return TopicProbe.send(TroubledConsumer.TOPIC, event.subject(), CloudEventKafka.headers(event),
                EventJson.write(event.data()));
    }

    private static List<ConsumerRecord<String, String>> parkedWithKey(String key) {
        return TopicProbe.readToEnd(DLQ).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        StreamSupport.stream(record.headers().spliterator(), false).map(Header::key)
                .forEach(name -> headers.put(name, TopicProbe.header(record, name).orElse("")));
        assertThat(record.headers().toArray()).as("each header once").hasSize(headers.size());
        return headers;
    }

    private double parkedCount() {
        return registry.find("lookout.dlq.parked").tag("channel", TroubledConsumer.CHANNEL).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double waiting() {
        return registry.get("lookout.dlq.waiting").tag("channel", TroubledConsumer.CHANNEL).gauge().value();
    }
}
