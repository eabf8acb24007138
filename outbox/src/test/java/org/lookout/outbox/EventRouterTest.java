package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.MalformedEventException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The router's retries without Quarkus: the consumer ledger is replaced by one that fails as often as a test says before
 * it records the event (as {@link IdempotentConsumer} does when the database is away), with a back-off of milliseconds.
 */
class EventRouterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EventType SUBMITTED = EventType.COMPLAINT_SUBMITTED;
    private static final int POISON_ATTEMPTS = 3;

    @Test
    void anOutageIsWaitedOutAndTheEventAppliedOnce() {
        Ledger ledger = new Ledger(5, () -> new CompletionException(new ConnectException("Connection refused")));
        List<String> applied = new ArrayList<>();
        EventRouter router = recording(ledger, applied);

        router.route(record(golden())).await().atMost(WAIT);

        assertThat(ledger.attempts).hasValue(6);
        assertThat(applied).containsExactly("DCY-2026-000123");
    }

    /** An outage of hours at 30 s per attempt: each attempt starts afresh, nothing piles up on the stack. */
    @Test
    void aLongOutageIsAsGoodAsAShortOne() {
        int failures = 3_000;
        Ledger ledger = new Ledger(failures, () -> new ConnectException("Connection refused"),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 0));
        AtomicInteger applied = new AtomicInteger();
        EventRouter router = EventRouter.of("test.consumer", ledger)
                .on(SUBMITTED, ComplaintSubmitted.class, (event, report) -> {
                    applied.incrementAndGet();
                    return Uni.createFrom().voidItem();
                });

        router.route(record(golden())).await().atMost(Duration.ofMinutes(1));

        assertThat(ledger.attempts).hasValue(failures + 1);
        assertThat(applied).hasValue(1);
    }

    @Test
    void aFailureOfTheHandlerIsTriedAsOftenAsThePolicySaysThenParkedWithItsCode() {
        Ledger ledger = new Ledger(0, null);
        AtomicInteger calls = new AtomicInteger();
        EventRouter router = EventRouter.of("test.consumer", ledger)
                .on(SUBMITTED, ComplaintSubmitted.class, (event, report) -> {
                    calls.incrementAndGet();
                    return Uni.createFrom().failure(new IllegalStateException("a closed report cannot pause"));
                });
        CloudEvent event = golden();

        assertThatThrownBy(() -> router.route(record(event)).await().atMost(WAIT))
                .isInstanceOfSatisfying(ParkedEventException.class, parked -> {
                    assertThat(parked.code()).isEqualTo(DeadLetterCode.REJECTED);
                    assertThat(parked.attempts()).isEqualTo(POISON_ATTEMPTS);
                    assertThat(parked.eventId()).isEqualTo(event.id());
                    assertThat(parked.eventType()).isEqualTo(SUBMITTED.type());
                    assertThat(parked.lastFailure()).isAfter(parked.firstFailure());
                    assertThat(parked.getMessage()).doesNotContain("closed report");
                });
        assertThat(calls).hasValue(POISON_ATTEMPTS);
    }

    @Test
    void aFailureThatGoesAwayBeforeTheLastTryIsAppliedOnceAndNotParked() {
        Ledger ledger = new Ledger(2, () -> new NullPointerException());
        List<String> applied = new ArrayList<>();
        EventRouter router = recording(ledger, applied);

        router.route(record(golden())).await().atMost(WAIT);

        assertThat(ledger.attempts).hasValue(3);
        assertThat(applied).containsExactly("DCY-2026-000123");
    }

    /** Outage attempts do not use up the poison tries: an event may meet both. */
    @Test
    void anOutageDoesNotCountAgainstThePoisonTries() {
        AtomicInteger failures = new AtomicInteger();
        Ledger ledger = new Ledger(10, () -> failures.incrementAndGet() % 2 == 1
                ? new ConnectException("Connection refused") : new NoSuchElementException("no report"));
        EventRouter router = EventRouter.of("test.consumer", ledger)
                .on(SUBMITTED, ComplaintSubmitted.class, (event, report) -> Uni.createFrom().voidItem());

        assertThatThrownBy(() -> router.route(record(golden())).await().atMost(WAIT))
                .isInstanceOfSatisfying(ParkedEventException.class, parked -> {
                    assertThat(parked.code()).isEqualTo(DeadLetterCode.UNKNOWN_REFERENCE);
                    assertThat(parked.attempts()).isEqualTo(POISON_ATTEMPTS);
                });
        assertThat(ledger.attempts).as("3 outages between 3 poison tries").hasValue(2 * POISON_ATTEMPTS);
    }

    @Test
    void aRecordThatIsNotAnEventIsNeverAttempted() {
        Ledger ledger = new Ledger(0, null);
        EventRouter router = EventRouter.of("test.consumer", ledger)
                .on(SUBMITTED, ComplaintSubmitted.class, (event, report) -> Uni.createFrom().voidItem());
        ConsumerRecord<String, String> noHeaders = new ConsumerRecord<>("lookout.complaint.v1", 0, 7L, "key", "{}");

        assertThatThrownBy(() -> router.route(noHeaders).await().atMost(WAIT))
                .isInstanceOfSatisfying(ParkedEventException.class, parked -> {
                    assertThat(parked.code()).isEqualTo(DeadLetterCode.MALFORMED);
                    assertThat(parked.attempts()).isEqualTo(1);
                })
                .hasCauseInstanceOf(MalformedEventException.class);
        assertThat(ledger.attempts).hasValue(0);
    }

    @Test
    void dataThatDoesNotFitItsTypeIsPoisonNotAnOutage() {
        Ledger ledger = new Ledger(0, null);
        EventRouter router = EventRouter.of("test.consumer", ledger)
                .on(SUBMITTED, ComplaintSubmitted.class, (event, report) -> Uni.createFrom().voidItem());
        CloudEvent golden = golden();
        ((ObjectNode) golden.data()).put("receivedAt", "not a time");

        assertThatThrownBy(() -> router.route(record(golden)).await().atMost(WAIT))
                .isInstanceOfSatisfying(ParkedEventException.class, parked -> {
                    assertThat(parked.code()).isEqualTo(DeadLetterCode.MALFORMED);
                    assertThat(parked.attempts()).as("never tried again").isEqualTo(1);
                });
        assertThat(ledger.attempts).hasValue(0);
    }

    @Test
    void aTypeWithoutHandlerIsSkipped() {
        Ledger ledger = new Ledger(0, null);
        EventRouter router = EventRouter.of("test.consumer", ledger);

        router.route(record(golden())).await().atMost(WAIT);

        assertThat(ledger.attempts).hasValue(0);
    }

    /** A router whose submitted handler notes each report it applied. */
    private static EventRouter recording(Ledger ledger, List<String> applied) {
        return EventRouter.of("test.consumer", ledger)
                .on(SUBMITTED, ComplaintSubmitted.class, (event, report) -> {
                    applied.add(report.trackingNumber());
                    return Uni.createFrom().voidItem();
                });
    }

    private static CloudEvent golden() {
        return CloudEvent.fromStructured(EventJson.readResource(SUBMITTED.sampleResource()));
    }

    private static ConsumerRecord<String, String> record(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventKafka.headers(event).forEach((name, value) -> headers.add(name, value.getBytes()));
        return new ConsumerRecord<>(SUBMITTED.topic(), 2, 41L, 0L, TimestampType.CREATE_TIME, 0, 0, event.subject(),
                EventJson.write(event.data()), headers, Optional.empty());
    }

    /** Fails the first {@code failures} attempts with the given failure, then runs the effect (once per attempt). */
    private static final class Ledger extends IdempotentConsumer {

        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;
        private final Supplier<Throwable> failure;

        Ledger(int failures, Supplier<Throwable> failure) {
            this(failures, failure, new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 0.5));
        }

        Ledger(int failures, Supplier<Throwable> failure, Backoff backoff) {
            super(backoff, new DeadLetters(new PoisonPolicy(POISON_ATTEMPTS, new Backoff(Duration.ofMillis(1),
                    Duration.ofMillis(2), 0)), new SimpleMeterRegistry()));
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public Uni<Boolean> once(String consumer, CloudEvent event, Supplier<Uni<?>> effect) {
            return Uni.createFrom().deferred(() -> attempts.incrementAndGet() <= failures
                    ? Uni.createFrom().failure(failure.get())
                    : effect.get().replaceWith(Boolean.TRUE));
        }
    }
}
