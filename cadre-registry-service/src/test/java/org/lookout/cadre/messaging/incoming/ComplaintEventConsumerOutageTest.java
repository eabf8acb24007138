package org.lookout.cadre.messaging.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.GoldenComplaintEvents;
import org.lookout.contracts.CloudEvent;
import org.lookout.testsupport.DatabaseOutage;
import org.lookout.testsupport.ServiceDatabase;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The cadre registry's database goes away while reports arrive: each report about an official becomes its supervision
 * record once the database is back, once; other reports none; nothing is on the dead-letter topic.
 */
@QuarkusTest
@CadreTestResources
class ComplaintEventConsumerOutageTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);
    private static final String DLQ = "lookout.cadre-registry-service.dlq";
    private static final ServiceDatabase DATABASE = ServiceDatabase.of("cadre_registry");

    @Test
    void reportsAboutOfficialsReceivedWhileTheDatabaseIsDownBecomeRecordsOnceItIsBack() {
        List<CloudEvent> aboutOfficials = List.of(GoldenComplaintEvents.submittedAboutAnOfficial(),
                GoldenComplaintEvents.submittedAboutAnOfficial());
        CloudEvent corridorLight = GoldenComplaintEvents.submitted();
        List<CloudEvent> events = List.of(aboutOfficials.get(0), corridorLight, aboutOfficials.get(1));
        List<String> reports = events.stream().map(GoldenComplaintEvents::reportId).toList();

        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            outage.whileDatabaseDown(() -> events.forEach(GoldenComplaintEvents::send),
                    () -> events.stream().anyMatch(event -> outage.failedAttempts(event.id()) > 0)
                            || !outage.parkedOf(reports).isEmpty());
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();

            await("every event applied").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> events.stream().allMatch(event -> DATABASE.processed(ComplaintEventConsumer.CONSUMER,
                            event.id())));

            for (CloudEvent event : aboutOfficials) {
                assertThat(records(event)).isEqualTo(1);
            }
            assertThat(records(corridorLight)).isZero();
            for (CloudEvent event : events) {
                assertThat(DATABASE.number("select count(*) from processed_event where event_id = ?", event.id()))
                        .isEqualTo(1);
            }
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
        }
    }

    private static long records(CloudEvent report) {
        return DATABASE.number("select count(*) from supervision_record where report_id = ?::uuid",
                GoldenComplaintEvents.reportId(report));
    }
}
