package org.lookout.escalation.messaging.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_WAIT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.DatabaseOutage;
import org.lookout.testsupport.GoldenEvents;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The escalation database goes away while the cadre registry forwards tip-offs: each opens its escalation to the
 * discipline commission once the database is back, once, and nothing is on the dead-letter topic.
 */
@QuarkusTest
@EscalationTestResources
class CadreEventsConsumerOutageTest {

    private static final String DLQ = "lookout.escalation-service.dlq";

    @Test
    void tipOffsForwardedWhileTheDatabaseIsDownOpenTheirEscalationsOnceItIsBack() {
        List<CloudEvent> tipOffs = List.of(GoldenEvents.fresh(EventType.CADRE_TIP_OFF_FORWARDED),
                GoldenEvents.fresh(EventType.CADRE_TIP_OFF_FORWARDED));
        List<String> reports = tipOffs.stream().map(GoldenEvents::reportId).toList();

        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            outage.whileDatabaseDown(() -> tipOffs.forEach(GoldenEvents::send),
                    () -> tipOffs.stream().anyMatch(event -> outage.failedAttempts(event.id()) > 0)
                            || !outage.parkedOf(reports).isEmpty());
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();

            await("every tip-off applied").atMost(DEFAULT_WAIT.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> tipOffs.stream().allMatch(
                            event -> EscalationDatabase.processed(CadreEventsConsumer.CONSUMER, event.id())));

            for (String report : reports) {
                assertThat(EscalationDatabase.strings("select trigger from escalation where report_id = ?",
                        UUID.fromString(report))).containsExactly("TIP_OFF");
                assertThat(EscalationDatabase.number(
                        "select count(distinct event_id) from outbox_event where partition_key = ? and event_type = ?", report,
                        EventType.ESCALATION_OPENED.type())).isEqualTo(1);
            }
            for (CloudEvent tipOff : tipOffs) {
                assertThat(EscalationDatabase.number("select count(*) from processed_event where event_id = ?",
                        tipOff.id())).isEqualTo(1);
            }
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
        }
    }
}
