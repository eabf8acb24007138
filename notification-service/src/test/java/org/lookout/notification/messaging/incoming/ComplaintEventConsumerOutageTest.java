package org.lookout.notification.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.notification.GoldenComplaintEvents;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.testsupport.CapturedLog;
import org.lookout.testsupport.DatabaseOutage;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The notification database goes away while reports arrive: the consumer waits, keeps its partitions, and every
 * acknowledgement is in its inbox once the database is back, once, with nothing on the dead-letter topic.
 */
@QuarkusTest
@NotificationTestResources
class ComplaintEventConsumerOutageTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);
    private static final String DEFAULT_COMMUNITY = "DCY";
    private static final String DLQ = "lookout.notification-service.dlq";
    private static final String GROUP = "notification-service";
    /** %test sets max.poll.interval.ms to 5 s on the channel: an outage longer than that must not cost the partitions. */
    private static final Duration LONGER_THAN_MAX_POLL_INTERVAL = Duration.ofSeconds(7);

    @Inject
    NotificationConfig config;

    @Test
    void reportsReceivedWhileTheDatabaseIsDownAreAcknowledgedOnceItIsBack() throws Exception {
        List<String> subjects = List.of(newSubject(), newSubject(), newSubject());
        List<CloudEvent> events = subjects.stream()
                .map(subject -> GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject)).toList();
        CloudEvent first = events.getFirst();
        Set<String> membersBefore = members();

        try (DatabaseOutage outage = DatabaseOutage.of(DLQ)) {
            outage.whileDatabaseDown(() -> events.forEach(GoldenComplaintEvents::send),
                    // held down after the consumer's first failed attempt for longer than max.poll.interval.ms
                    () -> outage.failingFor(first.id()).compareTo(LONGER_THAN_MAX_POLL_INTERVAL) > 0
                            || outage.parked(first.subject()));
            List<String> reports = events.stream().map(CloudEvent::subject).toList();
            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();

            for (int i = 0; i < events.size(); i++) {
                awaitInboxWith(subjects.get(i), GoldenComplaintEvents.trackingNumber(events.get(i)));
            }

            assertThat(outage.parkedOf(reports)).as("valid events on the dead-letter topic").isEmpty();
            for (CloudEvent event : events) {
                assertThat(count("select count(*) from notification where source_event_id = ? and channel = 'INBOX'"
                        + " and recipient_ref like 'rp1_%'", event.id())).isEqualTo(1);
                assertThat(count("select count(*) from processed_event where event_id = ?", event.id())).isEqualTo(1);
            }
            List<CapturedLog.Line> warnings = outage.warnings(first.id());
            assertThat(warnings).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(line -> assertThat(line.thrown()).as("stack trace").isNull());
            assertThat(warnings.getFirst().message()).matches(ComplaintEventConsumer.CONSUMER + ": event " + first.id()
                    + " at lookout\\.complaint\\.v1-\\d+@\\d+ not applied, attempt 1 failed: \\S+: .*; next attempt in \\d+ ms");
            assertThat(outage.notices(first.id())).singleElement().satisfies(line -> assertThat(line.message())
                    .matches(".* applied after \\d+ attempts, \\d+\\.\\d s"));
        }
        assertThat(members()).as("members of the consumer group: nobody was rebalanced away").isEqualTo(membersBefore);
    }

    private static Set<String> members() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                    .get(30, TimeUnit.SECONDS);
            return group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
        }
    }

    private static void awaitInboxWith(String subject, String trackingNumber) {
        await("inbox entry " + trackingNumber).atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().auth().oauth2(Tokens.resident(subject, DEFAULT_COMMUNITY))
                        .when().get("/api/notifications")
                        .then().statusCode(200)
                        .body("reference", hasItem(trackingNumber)));
    }

    private static long count(String query, String eventId) {
        return ServiceDatabase.of("notification").number(query, eventId);
    }

    private static String newSubject() {
        return "resident-" + UUID.randomUUID();
    }
}
