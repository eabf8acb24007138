package org.lookout.complaint.messaging.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.config.ComplaintConfig;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.contracts.SealedReporterRef;
import org.lookout.contracts.Topics;
import org.lookout.security.ProductionKeys;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Issue 11, item 9: what a topic reader learns of who reported an official. Everything committed to the repository (every
 * key ever written down) plus every record of the reports is not enough to link them to the filing account, nor to each
 * other; only notification-service, holding the delivery key, finds the reporter's inbox.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ConfidentialReporterTest {

    private static final String CONFIDENTIAL_ITEM = "cadre-conduct";

    @Inject
    ComplaintConfig config;

    @Test
    void theTopicOfAConfidentialReportAndEveryCommittedKeyCannotBeLinkedToTheFilingAccount() {
        String subject = "whistle-" + UUID.randomUUID();
        String token = Tokens.resident(subject, "DCY");
        String first = submit(token, report(CONFIDENTIAL_ITEM, "DCY", "APP")).statusCode(201).extract().path("id");
        String second = submit(token, report(CONFIDENTIAL_ITEM, "DCY", "APP")).statusCode(201).extract().path("id");
        command(Tokens.admin(), first, "accept", "{}").statusCode(200);

        List<ConsumerRecord<String, String>> records = new ArrayList<>(
                TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, first, 2, Duration.ofSeconds(30)));
        records.addAll(TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, second, 1, Duration.ofSeconds(30)));
        List<CloudEvent> events = records.stream().map(CloudEventKafka::fromRecord).toList();
        String everything = String.join("\n", records.stream().map(r -> r.value() + r.headers()).toList());

        // no stable reference at all: not the pseudonym under the real key, not under any committed key
        assertThat(events).allSatisfy(event -> assertThat(event.data().has("reporterRef")).isFalse());
        assertThat(everything).doesNotContain(subject)
                .doesNotContain(ReporterPseudonym.of(config.pseudonymKey(), subject));
        for (String committed : ProductionKeys.committed()) {
            if (committed.length() >= 16) {
                assertThat(everything).as("pseudonym under a committed key")
                        .doesNotContain(ReporterPseudonym.of(committed, subject));
            }
        }
        // one value per event, unrelated to each other, that no committed key opens
        List<String> sealed = events.stream().map(event -> event.data().path("sealedReporterRef").asText()).toList();
        assertThat(sealed).hasSize(3).allSatisfy(value -> assertThat(value).startsWith("rs1_")).doesNotHaveDuplicates();
        for (CloudEvent event : events) {
            UUID report = UUID.fromString(event.subject());
            String value = event.data().path("sealedReporterRef").asText();
            for (String committed : ProductionKeys.committed()) {
                assertThat(openWith(committed, report, value)).as("opened with a committed key").isEmpty();
            }
            ContractAssertions.assertValidAgainstSchema(EventType.of(event.type()).orElseThrow(), event.data());
        }

        // the holder of the delivery key finds the reporter's inbox, and only for the report it was sealed for
        SealedReporterRef delivery = SealedReporterRef.withKey(config.deliveryKey());
        assertThat(delivery.open(UUID.fromString(first), sealed.getFirst()))
                .contains(ReporterPseudonym.of(config.pseudonymKey(), subject));
        assertThat(delivery.open(UUID.fromString(second), sealed.getFirst())).isEmpty();
    }

    @Test
    void anOrdinaryReportKeepsItsStablePseudonymAndIsNotSealed() {
        String subject = "resident-" + UUID.randomUUID();
        String id = submit(Tokens.resident(subject, "DCY"), report()).statusCode(201).extract().path("id");

        CloudEvent submitted = CloudEventKafka.fromRecord(TopicProbe.awaitRecord(Topics.COMPLAINT, r -> id.equals(r.key())));

        assertThat(submitted.data().path("reporterRef").asText())
                .isEqualTo(ReporterPseudonym.of(config.pseudonymKey(), subject));
        assertThat(submitted.data().has("sealedReporterRef")).isFalse();
    }

    /** The sealed value opened with a committed value taken as the delivery key, when it is one (base64 of 32 bytes). */
    private static Optional<String> openWith(String committed, UUID report, String value) {
        try {
            if (Base64.getDecoder().decode(committed).length != 32) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return SealedReporterRef.withKey(committed).open(report, value);
    }
}
