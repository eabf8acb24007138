package org.lookout.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer test's outage of its service's own database: PostgreSQL is stopped while the test sends events, held down
 * until the consumer has met the outage, and always started again. Meanwhile it reads what the consumers log (the
 * outbox library's {@code EventRouter}) and, afterwards, what lies on the service's dead-letter topic.
 *
 * <pre>{@code
 * try (DatabaseOutage outage = DatabaseOutage.of("lookout.notification-service.dlq")) {
 *     outage.whileDatabaseDown(() -> GoldenEvents.send(event),
 *             () -> outage.failedAttempts(event.id()) > 0 || outage.parked(event.subject()));
 *     // ... await the event's effect, then:
 *     assertThat(outage.parkedOf(List.of(event.subject()))).isEmpty();
 * }
 * }</pre>
 */
public final class DatabaseOutage implements AutoCloseable {

    /** Where the consumers of every service log their attempts. */
    public static final String CONSUMER_LOG = "org.lookout.outbox.EventRouter";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String deadLetterTopic;
    private final CapturedLog log = CapturedLog.of(CONSUMER_LOG);

    private DatabaseOutage(String deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Starts watching the consumers' log; {@code deadLetterTopic} is the service's dead-letter topic. */
    public static DatabaseOutage of(String deadLetterTopic) {
        return new DatabaseOutage(deadLetterTopic);
    }

    /**
     * Stops PostgreSQL, runs {@code meanwhile} (sends events), waits until {@code until} holds (at most a minute) and
     * starts PostgreSQL again on the same port with the same data, also when something failed.
     */
    public void whileDatabaseDown(Runnable meanwhile, Callable<Boolean> until) {
        RealInfrastructure.stopDatabase();
        try {
            meanwhile.run();
            await("the consumer to meet the database outage").atMost(DEFAULT_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(until);
        } finally {
            RealInfrastructure.startDatabase();
        }
    }

    /** How many attempts at this event failed so far, as the consumer reported them (one WARN line each). */
    public int failedAttempts(String eventId) {
        return warnings(eventId).size();
    }

    /** How long ago the consumer's first attempt at this event failed; zero before it did. */
    public Duration failingFor(String eventId) {
        List<CapturedLog.Line> warnings = warnings(eventId);
        return warnings.isEmpty() ? Duration.ZERO : Duration.between(warnings.getFirst().at(), Instant.now());
    }

    /** The consumer's WARN lines about this event. */
    public List<CapturedLog.Line> warnings(String eventId) {
        return log.lines(Level.WARNING, eventId);
    }

    /** The consumer's INFO lines about this event (e.g. "applied after 3 attempts, 1.2 s"). */
    public List<CapturedLog.Line> notices(String eventId) {
        return log.lines(Level.INFO, eventId);
    }

    /** Whether the dead-letter topic holds a record with this key now. */
    public boolean parked(String key) {
        return !parkedOf(List.of(key)).isEmpty();
    }

    /**
     * The records of the dead-letter topic with one of these keys (report ids), read up to its end now, each as
     * {@code <key> <ce_type> parked: <dlq-code>} — what an assertion that none is there should print.
     */
    public List<String> parkedOf(Collection<String> keys) {
        return TopicProbe.readToEnd(deadLetterTopic).stream().filter(record -> keys.contains(record.key()))
                .map(DatabaseOutage::describe).toList();
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.key() + " " + TopicProbe.header(record, "ce_type").orElse("(no type)") + " parked: "
                + TopicProbe.header(record, "dlq-code").orElse("(no code)");
    }

    @Override
    public void close() {
        log.close();
    }
}
