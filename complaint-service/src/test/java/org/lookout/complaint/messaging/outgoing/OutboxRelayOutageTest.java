package org.lookout.complaint.messaging.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.CapturedLog;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The outbox relay across an outage of the complaint database: what was published before is not sent again, what was
 * pending is published after, and the relay carries on with what comes later — each event on the topic once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class OutboxRelayOutageTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final EventType SUBMITTED = EventType.COMPLAINT_SUBMITTED;

    @Test
    void theRelayLosesNothingAndSendsNothingTwiceAcrossADatabaseOutage() {
        String published = newReport();
        TopicProbe.awaitRecord(Topics.COMPLAINT, record -> isSubmitted(record, published), DEFAULT_WAIT);
        String pending = newReport();

        try (CapturedLog relay = CapturedLog.of("org.lookout.outbox.OutboxRelay")) {
            RealInfrastructure.stopDatabase();
            try {
                await("the relay to meet the outage").atMost(DEFAULT_WAIT)
                        .until(() -> !relay.lines(Level.WARNING, "the database is away").isEmpty());
            } finally {
                RealInfrastructure.startDatabase();
            }
            String later = newReport();
            TopicProbe.awaitRecord(Topics.COMPLAINT, record -> isSubmitted(record, later), DEFAULT_WAIT);
            TopicProbe.awaitRecord(Topics.COMPLAINT, record -> isSubmitted(record, pending), DEFAULT_WAIT);

            List<ConsumerRecord<String, String>> topic = TopicProbe.readToEnd(Topics.COMPLAINT);
            assertThat(topic.stream().filter(record -> isSubmitted(record, published))).as("published before").hasSize(1);
            assertThat(topic.stream().filter(record -> isSubmitted(record, later))).as("written after").hasSize(1);
            // pending: once, or twice if the outage fell between the broker's ack and the commit (at least once)
            assertThat(topic.stream().filter(record -> isSubmitted(record, pending))).as("pending during").isNotEmpty();
            for (String report : List.of(published, pending, later)) {
                assertThat(ComplaintDatabase.number("select count(*) from outbox_event where partition_key = ?"
                        + " and event_type = ? and published_at is null", report, SUBMITTED.type())).isZero();
            }
            await("the relay to report the database back").atMost(DEFAULT_WAIT)
                    .until(() -> !relay.lines(Level.INFO, "the database is back").isEmpty());
            assertThat(relay.lines()).allSatisfy(line -> assertThat(line.thrown()).as("stack trace").isNull());
        }
    }

    private static String newReport() {
        return submit(Tokens.resident("reporter-relay-" + UUID.randomUUID(), "DCY"), report()).statusCode(201)
                .extract().path("id");
    }

    private static boolean isSubmitted(ConsumerRecord<String, String> record, String reportId) {
        return reportId.equals(record.key())
                && SUBMITTED.type().equals(TopicProbe.header(record, CloudEventKafka.TYPE).orElse(null));
    }
}
