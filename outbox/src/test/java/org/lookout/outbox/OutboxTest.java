package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.ServiceDatabase;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** What {@link Outbox#publish} writes (also to copy topics), and what it refuses. */
@QuarkusTest
@OutboxTestResources
class OutboxTest {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of(OutboxTestResources.DATABASE);

    @Inject
    Outbox outbox;

    @Inject
    OutboxFixture fixture;

    @Test
    void theRowTakesItsTopicFromTheTypeAndItsSourceFromTheApplication() {
        String aggregate = UUID.randomUUID().toString();
        EventType type = EventType.COMPLAINT_RESOLVED;

        fixture.publish(type, aggregate);

        assertThat(DATABASE.strings("select topic || ' ' || partition_key || ' ' || subject || ' ' || event_type || ' '"
                + " || source from outbox_event where partition_key = ?", aggregate))
                .containsExactly(type.topic() + " " + aggregate + " " + aggregate + " " + type.type()
                        + " /lookout/outbox-test");
        List<String> payloads = DATABASE.strings("select payload from outbox_event where partition_key = ?", aggregate);
        assertThat(payloads).hasSize(1);
        JsonNode expected = EventJson.toTree(OutboxFixture.payload(type, aggregate));
        assertThat(EventJson.read(payloads.get(0))).isEqualTo(expected);
    }

    @Test
    void anEventIsStoredOnlyWithTheChangeItAnnounces() {
        String aggregate = UUID.randomUUID().toString();

        assertThatThrownBy(() -> OutboxFixture.await(() -> Panache.withTransaction(() -> outbox
                .publish(EventType.COMPLAINT_ACCEPTED, aggregate, Instant.now(),
                        OutboxFixture.payload(EventType.COMPLAINT_ACCEPTED, aggregate))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))))
                .hasMessageContaining("the change failed");

        assertThat(DATABASE.number("select count(*) from outbox_event where partition_key = ?", aggregate)).isZero();
    }

    @Test
    void outsideATransactionNothingIsWritten() {
        String aggregate = UUID.randomUUID().toString();
        Object payload = OutboxFixture.payload(EventType.COMPLAINT_ACCEPTED, aggregate);

        assertThatThrownBy(() -> OutboxFixture.await(() -> Panache.withSession(
                () -> outbox.publish(EventType.COMPLAINT_ACCEPTED, aggregate, Instant.now(), payload))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
        // without even a session, Hibernate Reactive refuses first
        assertThatThrownBy(() -> OutboxFixture.await(
                () -> outbox.publish(EventType.COMPLAINT_ACCEPTED, aggregate, Instant.now(), payload)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(DATABASE.number("select count(*) from outbox_event where partition_key = ?", aggregate)).isZero();
    }

    @Test
    void aPayloadOfAnotherTypeIsRefused() {
        Object opened = OutboxFixture.payload(EventType.ESCALATION_OPENED, UUID.randomUUID().toString());

        assertThatThrownBy(() -> outbox.publish(EventType.COMPLAINT_ACCEPTED, "r-1", Instant.now(), opened))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EscalationOpened");
    }

    @Test
    void aCopyIsTheSameEventOnEveryTopicOneRowEach() {
        String aggregate = UUID.randomUUID().toString();
        EventType type = EventType.ESCALATION_INFORMED;
        String copy = Topics.agency("civil-affairs");

        OutboxFixture.await(() -> Panache.withTransaction(() -> outbox.publish(type, aggregate, Instant.now(),
                OutboxFixture.payload(type, aggregate), List.of(copy))));

        assertThat(DATABASE.strings("select topic from outbox_event where partition_key = ? order by topic", aggregate))
                .containsExactlyInAnyOrder(type.topic(), copy);
        assertThat(DATABASE.number("select count(distinct event_id) from outbox_event where partition_key = ?",
                aggregate)).isEqualTo(1);
        assertThat(DATABASE.number("select count(distinct payload) from outbox_event where partition_key = ?",
                aggregate)).isEqualTo(1);
    }

    @Test
    void aCopyMayNotGoToAnAggregatesTopic() {
        Object informed = OutboxFixture.payload(EventType.ESCALATION_INFORMED, UUID.randomUUID().toString());
        for (String aggregate : List.of(Topics.COMPLAINT, Topics.CADRE, Topics.COMPLAINT_REFERENCE)) {
            assertThatThrownBy(() -> outbox.publish(EventType.ESCALATION_INFORMED, "r-1", Instant.now(), informed,
                    List.of(Topics.agency("civil-affairs"), aggregate)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(aggregate);
        }
    }
}
