package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay against a real PostgreSQL and a real Kafka broker: what reaches the topic, in which order, what a failed
 * send holds back, what a second relay does, and what the purge removes. The scheduled rounds are off; each test runs
 * the rounds itself.
 */
@QuarkusTest
@OutboxTestResources
class OutboxRelayTest {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of(OutboxTestResources.DATABASE);
    private static final String TOPIC = Topics.COMPLAINT;
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** Kafka refuses this name (a space): the broker never accepts a record for it, the send fails at once. */
    private static final String UNROUTABLE = "lookout.outbox test unroutable";

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxFixture fixture;

    @Inject
    Mutiny.SessionFactory sessions;

    @BeforeEach
    void startWithAnEmptyOutbox() {
        DATABASE.execute("delete from outbox_event");
    }

    @Test
    void eachAggregatesEventsReachItsPartitionInTheOrderTheyWereWritten() {
        String first = aggregate();
        String second = aggregate();
        for (int i = 0; i < 10; i++) {
            fixture.publish(EventType.COMPLAINT_ACCEPTED, first);
            fixture.publish(i % 2 == 0 ? EventType.COMPLAINT_ASSIGNED : EventType.COMPLAINT_RESOLVED, second);
        }

        int sent = relayUntilNothingIsPending();

        // 20 rows at 7 a round: the order holds across rounds too
        assertThat(sent).isEqualTo(20);
        for (String aggregate : List.of(first, second)) {
            List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecordsWithKey(TOPIC, aggregate, 10,
                    DEFAULT_WAIT);
            assertThat(records.stream().map(OutboxRelayTest::eventId).toList())
                    .as("events of %s in the order of the outbox", aggregate).isEqualTo(writtenOrder(aggregate));
            assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
            assertThat(records.stream().map(record -> TopicProbe.header(record, "ce_subject").orElseThrow()))
                    .containsOnly(aggregate);
        }
    }

    @Test
    void aFailedSendHoldsBackThatAggregatesLaterEventsAndNoOtherAggregates() {
        String stuck = aggregate();
        String other = aggregate();
        fixture.publish(EventType.COMPLAINT_ACCEPTED, stuck);
        fixture.publish(EventType.COMPLAINT_ASSIGNED, stuck);
        fixture.publish(EventType.COMPLAINT_ACCEPTED, other);
        List<String> stuckEvents = writtenOrder(stuck);
        DATABASE.execute("update outbox_event set topic = ? where event_id = ?::uuid", UNROUTABLE, stuckEvents.get(0));

        int sent = fixture.relayRound();

        assertThat(sent).isEqualTo(1);
        assertThat(DATABASE.strings("select event_id from outbox_event where published_at is not null"))
                .containsExactlyElementsOf(writtenOrder(other));
        assertThat(DATABASE.number("select attempts from outbox_event where event_id = ?::uuid", stuckEvents.get(0)))
                .isEqualTo(1);
        assertThat(DATABASE.strings("select last_error from outbox_event where event_id = ?::uuid", stuckEvents.get(0)))
                .singleElement().asString().isNotBlank();
        assertThat(DATABASE.number("select attempts from outbox_event where event_id = ?::uuid", stuckEvents.get(1)))
                .as("the later event was not even tried").isZero();
        TopicProbe.awaitRecordsWithKey(TOPIC, other, 1, DEFAULT_WAIT);
        assertThat(TopicProbe.readToEnd(TOPIC)).noneMatch(record -> stuck.equals(record.key()));

        // the next round tries it again: still failing, the later event still waits
        assertThat(fixture.relayRound()).isZero();
        assertThat(DATABASE.number("select attempts from outbox_event where event_id = ?::uuid", stuckEvents.get(0)))
                .isEqualTo(2);

        // once it can be sent, both follow in their order
        DATABASE.execute("update outbox_event set topic = ? where event_id = ?::uuid", TOPIC, stuckEvents.get(0));
        assertThat(relayUntilNothingIsPending()).isEqualTo(2);
        assertThat(TopicProbe.awaitRecordsWithKey(TOPIC, stuck, 2, DEFAULT_WAIT).stream().map(OutboxRelayTest::eventId))
                .containsExactlyElementsOf(stuckEvents);
    }

    @Test
    void aRelayThatFindsAnotherRelayAtWorkSkipsItsRound() throws Exception {
        String aggregate = aggregate();
        fixture.publish(EventType.COMPLAINT_ACCEPTED, aggregate);
        fixture.publish(EventType.COMPLAINT_ASSIGNED, aggregate);

        // another instance mid-round holds the relay's lock
        try (Connection otherInstance = connect()) {
            advisoryLock(otherInstance, "select pg_advisory_lock(?)");

            assertThat(fixture.relayRound()).isZero();
            assertThat(pending()).isEqualTo(2);
            // released explicitly: a closed connection's backend lets go of its locks only some moments later
            advisoryLock(otherInstance, "select pg_advisory_unlock(?)");
        }

        assertThat(fixture.relayRound()).isEqualTo(2);
        assertThat(TopicProbe.awaitRecordsWithKey(TOPIC, aggregate, 2, DEFAULT_WAIT)).hasSize(2);
    }

    @Test
    void twoRelaysRacingNeverSendAnEventTwice() {
        List<String> aggregates = List.of(aggregate(), aggregate(), aggregate(), aggregate(), aggregate(), aggregate());
        for (int i = 0; i < 8; i++) {
            for (String aggregate : aggregates) {
                fixture.publish(EventType.COMPLAINT_ACCEPTED, aggregate);
            }
        }
        AtomicInteger sent = new AtomicInteger();

        // two instances polling as fast as they can until the outbox is empty
        List<CompletableFuture<Void>> relays = List.of(1, 2).stream()
                .map(n -> CompletableFuture.runAsync(() -> {
                    long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
                    while (pending() > 0 && System.nanoTime() < deadline) {
                        sent.addAndGet(fixture.relayRound());
                    }
                }))
                .toList();
        relays.forEach(CompletableFuture::join);

        assertThat(pending()).isZero();
        assertThat(sent).hasValue(48);
        List<String> written = aggregates.stream().flatMap(aggregate -> writtenOrder(aggregate).stream()).toList();
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(TOPIC,
                read -> read.stream().filter(record -> aggregates.contains(record.key())).count() >= 48, DEFAULT_WAIT);
        Map<String, Long> copies = records.stream().filter(record -> aggregates.contains(record.key()))
                .collect(Collectors.groupingBy(OutboxRelayTest::eventId, Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(written);
        assertThat(copies.values()).as("copies of each event on the topic").containsOnly(1L);
        for (String aggregate : aggregates) {
            assertThat(records.stream().filter(record -> aggregate.equals(record.key())).map(OutboxRelayTest::eventId))
                    .containsExactlyElementsOf(writtenOrder(aggregate));
        }
    }

    @Test
    void thePurgeRemovesPublishedEventsPastTheRetentionAndNothingElse() {
        String aggregate = aggregate();
        for (int i = 0; i < 4; i++) {
            fixture.publish(EventType.COMPLAINT_ACCEPTED, aggregate);
        }
        List<String> events = writtenOrder(aggregate);
        DATABASE.execute("update outbox_event set published_at = now() - interval '8 days' where event_id = ?::uuid",
                events.get(0));
        DATABASE.execute("update outbox_event set published_at = now() - interval '6 days' where event_id = ?::uuid",
                events.get(1));
        DATABASE.execute("update outbox_event set published_at = now() where event_id = ?::uuid", events.get(2));
        // a pending event is kept however old: it has not reached Kafka yet
        DATABASE.execute("update outbox_event set occurred_at = now() - interval '30 days' where event_id = ?::uuid",
                events.get(3));

        fixture.purge();

        assertThat(writtenOrder(aggregate)).containsExactly(events.get(1), events.get(2), events.get(3));
    }

    /**
     * Every round asks for the relay's advisory lock first. Read as a {@code Boolean}, Hibernate gave that statement a
     * new plan each time (a result type it maps itself gets a result builder without {@code equals}), so every service
     * filled its query plan cache with copies of one statement, all in one hash bucket: lookups grew linear in the
     * cache size and evicted the plans of the other queries (docs/conventions.md, native queries).
     */
    @Test
    void theRoundsStatementsArePlannedOnceNotOnceARound() {
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            for (int round = 0; round < 10; round++) {
                fixture.relayRound();
            }
            // Hibernate keeps statistics per statement text, once as planned and once as sent: add them up
            List<QueryStatistics> lock = Arrays.stream(statistics.getQueries())
                    .filter(query -> query.contains("pg_try_advisory_xact_lock")).map(statistics::getQueryStatistics)
                    .toList();
            assertThat(lock.stream().mapToLong(QueryStatistics::getPlanCacheMissCount).sum())
                    .as("plans made for the lock statement").isLessThanOrEqualTo(1);
            assertThat(lock.stream().mapToLong(QueryStatistics::getPlanCacheHitCount).sum())
                    .as("plans found in the cache").isGreaterThanOrEqualTo(9);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private int relayUntilNothingIsPending() {
        int sent = 0;
        for (int round = 0; round < 20 && pending() > 0; round++) {
            sent += fixture.relayRound();
        }
        assertThat(pending()).as("events still pending").isZero();
        return sent;
    }

    private static long pending() {
        return DATABASE.number("select count(*) from outbox_event where published_at is null");
    }

    private static List<String> writtenOrder(String aggregate) {
        return DATABASE.strings("select event_id from outbox_event where partition_key = ? order by position",
                aggregate);
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, "ce_id").orElseThrow();
    }

    private static String aggregate() {
        return UUID.randomUUID().toString();
    }

    private static void advisoryLock(Connection connection, String call) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(call)) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }

    private static Connection connect() throws Exception {
        String name = OutboxTestResources.DATABASE;
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl(name), name, name);
    }
}
