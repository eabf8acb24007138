package org.lookout.outbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.AgencyKind;
import org.lookout.contracts.EscalationInformed;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;

/** What {@link Outbox#publish} refuses before it writes anything (writing is tested in every publishing service). */
class OutboxTest {

    private final Outbox outbox = new Outbox("escalation-service");
    private final EscalationInformed informed = new EscalationInformed(UUID.randomUUID(), UUID.randomUUID(), "water",
            "DCY", "DCYJD", false, "civil-affairs", AgencyKind.CIVIL_AFFAIRS, Instant.parse("2026-03-04T02:00:00Z"));

    @Test
    void aCopyMayNotGoToAnAggregatesTopic() {
        for (String aggregate : List.of(Topics.COMPLAINT, Topics.CADRE, Topics.COMPLAINT_REFERENCE)) {
            assertThatThrownBy(() -> outbox.publish(EventType.ESCALATION_INFORMED, informed.reportId().toString(),
                    informed.informedAt(), informed, List.of(Topics.agency("civil-affairs"), aggregate)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(aggregate);
        }
    }

    @Test
    void aPayloadOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> outbox.publish(EventType.ESCALATION_OPENED, informed.reportId().toString(),
                informed.informedAt(), informed, List.of(Topics.agency("civil-affairs"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EscalationInformed");
    }
}
