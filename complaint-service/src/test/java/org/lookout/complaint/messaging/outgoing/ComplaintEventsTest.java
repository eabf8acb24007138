package org.lookout.complaint.messaging.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_ADDRESS;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_BUILDING;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_DESCRIPTION;
import static org.lookout.complaint.ComplaintTestSupport.DEFAULT_TITLE;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** What intake puts on the real topic: the contract's shape, in order, and nothing personal. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ComplaintEventsTest {

    private static final String REPORTER = "reporter-events-1";

    @Inject
    ComplaintConfig config;

    @Test
    void submittedEventReachesKafkaAsTheContractDescribes() {
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key()));
        CloudEvent event = CloudEventKafka.fromRecord(record);

        assertThat(event.type()).isEqualTo(EventType.COMPLAINT_SUBMITTED.type());
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.source()).isEqualTo("/lookout/complaint-service");
        assertThat(TopicProbe.header(record, "content-type")).contains("application/json");
        assertThat(event.data().path("reportId").asText()).isEqualTo(id);
        assertThat(event.data().path("reporterRef").asText()).startsWith("rp1_");
        ContractAssertions.assertMatchesGoldenSample(EventType.COMPLAINT_SUBMITTED, event.data());
    }

    @Test
    void eventsCarryNoPersonalData() {
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key()));
        String everything = record.value() + record.headers().toString();

        assertThat(everything).doesNotContain(REPORTER, DEFAULT_TITLE, DEFAULT_DESCRIPTION, DEFAULT_ADDRESS,
                DEFAULT_BUILDING);
    }

    @Test
    void intakeAnswersWhileKafkaIsDownAndTheEventFollowsWhenItReturns() {
        RealInfrastructure.stopKafka();
        String id;
        try {
            id = submit(Tokens.resident(REPORTER, "DCY"), report("water", "DCY", "WEB")).statusCode(201).extract().path("id");
        } finally {
            RealInfrastructure.startKafka();
        }

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key()),
                Duration.ofSeconds(90));

        assertThat(CloudEventKafka.fromRecord(record).type()).isEqualTo(EventType.COMPLAINT_SUBMITTED.type());
    }

    @Test
    void lifecycleEventsOfAnAnonymousReportCarryNoReporterRef() {
        String body = report().replace("\"anonymous\":false", "\"anonymous\":true");
        String id = submit(Tokens.resident(REPORTER, "DCY"), body).statusCode(201).extract().path("id");

        command(Tokens.staff("DCY"), id, "accept", "{}").statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, 2,
                Duration.ofSeconds(30));
        CloudEvent accepted = CloudEventKafka.fromRecord(records.get(1));
        assertThat(accepted.type()).isEqualTo(EventType.COMPLAINT_ACCEPTED.type());
        assertThat(accepted.data().has("reporterRef")).isFalse();
        ContractAssertions.assertMatchesGoldenSample(EventType.COMPLAINT_ACCEPTED, accepted.data());
    }

    @Test
    void anAssignmentToAStaffMemberNamesTheirPseudonymAndAResponseItsKind() {
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");
        String staff = Tokens.staff("DCY");
        command(staff, id, "accept", "{}").statusCode(200);
        command(staff, id, "assign", "{\"unit\":\"STAFF\",\"staffMember\":\"staff-7\"}").statusCode(200);
        command(staff, id, "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);

        List<CloudEvent> events = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, 4, Duration.ofSeconds(30))
                .stream().map(CloudEventKafka::fromRecord).toList();

        CloudEvent assigned = events.get(2);
        assertThat(assigned.type()).isEqualTo(EventType.COMPLAINT_ASSIGNED.type());
        assertThat(assigned.data().path("assigneeRef").asText())
                .isEqualTo(ReporterPseudonym.of(config.pseudonymKey(), "staff-7"));
        ContractAssertions.assertValidAgainstSchema(EventType.COMPLAINT_ASSIGNED, assigned.data());
        CloudEvent responded = events.get(3);
        assertThat(responded.data().path("responseKind").asText()).isEqualTo("FIRST_CONTACT");
        ContractAssertions.assertValidAgainstSchema(EventType.COMPLAINT_RESPONDED, responded.data());
        assertThat(events.stream().map(event -> event.data().toString()).toList()).noneMatch(json -> json.contains("staff-7"));
    }

    @Test
    void anAssignmentToAUnitNamesNobody() {
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");
        command(Tokens.staff("DCY"), id, "accept", "{}").statusCode(200);
        command(Tokens.staff("DCY"), id, "assign", "{\"unit\":\"VOLUNTEER\"}").statusCode(200);

        CloudEvent assigned = CloudEventKafka.fromRecord(
                TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, id, 3, Duration.ofSeconds(30)).get(2));

        assertThat(assigned.data().has("assigneeRef")).isFalse();
    }
}
