package org.lookout.escalation.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.ReferenceDataFixture;
import org.lookout.testsupport.CapturedLog;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * This service's copy of complaint-service's reference data, built only from its events on the real topic: the golden
 * samples build it, an older revision or the same event again changes nothing, and a report event that needs an item or
 * a community whose copy has not arrived waits for it — retried, not parked and not applied with a guess.
 */
@QuarkusTest
@EscalationTestResources
class ReferenceEventsConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final String DLQ = "lookout.escalation-service.dlq";
    private static final String CONSUMER_LOG = "org.lookout.outbox.EventRouter";

    @Test
    void theGoldenSamplesBuildTheCopy() {
        String item = newItemCode();
        String community = newCommunityCode();
        CloudEvent itemChanged = golden(EventType.COMPLAINT_ITEM_CHANGED, ItemChanged.key(item), "itemCode", item);
        CloudEvent communityChanged = golden(EventType.COMPLAINT_COMMUNITY_CHANGED, CommunityChanged.key(community),
                "communityCode", community);

        GoldenEvents.send(itemChanged);
        GoldenEvents.send(communityChanged);

        awaitApplied(itemChanged, communityChanged);
        // the sample: hazardous materials as an administrator edited it (revision 2, three working days)
        assertThat(EscalationDatabase.strings("select concat_ws(' ', resolution_working_days, escalates_immediately,"
                + " escalation_agency_kinds, joint_escalation, lead_agency_kind, confidential, active, revision,"
                + " changed_at at time zone 'UTC') from taxonomy_item where item_code = ?", item))
                .containsExactly("3 t PUBLIC_SECURITY,MARKET_REGULATION t PUBLIC_SECURITY f t 2"
                        + " 2026-03-02 08:00:00");
        assertThat(EscalationDatabase.strings("select concat_ws(' ', street_code, active, revision) from community"
                + " where code = ?", community)).containsExactly("DCYJD t 1");
        String policy = "find { it.itemCode == '" + item + "' }.";
        given().auth().oauth2(Tokens.admin()).when().get("/api/escalations/policies").then().statusCode(200)
                .body(policy + "resolutionWorkingDays", equalTo(3))
                .body(policy + "source", equalTo("ADMIN"))
                .body(policy + "immediateAgencyKinds", contains("PUBLIC_SECURITY", "MARKET_REGULATION"))
                .body(policy + "immediateLeadKind", equalTo("PUBLIC_SECURITY"));
    }

    @Test
    void anOlderRevisionArrivingLateIsIgnored() {
        String item = newItemCode();
        CloudEvent newer = ReferenceDataFixture.publish(ReferenceDataFixture.newItem(item, 7, 5));
        CloudEvent older = ReferenceDataFixture.publish(ReferenceDataFixture.newItem(item, 9, 4));

        awaitApplied(newer, older);
        assertThat(copyOf(item)).isEqualTo("7 5");
    }

    @Test
    void theSameEventTwiceIsANoOpAndSoIsTheSameRevisionAgain() {
        String item = newItemCode();
        ItemChanged first = ReferenceDataFixture.newItem(item, 6, 3);
        CloudEvent firstEvent = ReferenceDataFixture.publish(first);
        CloudEvent second = ReferenceDataFixture.publish(ReferenceDataFixture.newItem(item, 8, 4));
        // the first event delivered again (same id), then revision 4 republished under a new id with other values
        GoldenEvents.send(firstEvent);
        CloudEvent republished = ReferenceDataFixture.publish(ReferenceDataFixture.newItem(item, 2, 4));

        awaitApplied(firstEvent, second, republished);
        assertThat(EscalationDatabase.number("select count(*) from processed_event where consumer = ? and event_id = ?",
                ReferenceEventsConsumer.CONSUMER, firstEvent.id())).isEqualTo(1);
        assertThat(copyOf(item)).isEqualTo("8 4");
    }

    @Test
    void aReportSubmittedBeforeItsItemAndCommunityArrivedStartsItsClockOnceTheyHave() {
        String item = newItemCode();
        String community = newCommunityCode();
        CloudEvent submitted = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("itemCode", item).put("communityCode", community));
        String reportId = GoldenComplaintEvents.reportId(submitted);

        try (CapturedLog log = CapturedLog.of(CONSUMER_LOG)) {
            GoldenComplaintEvents.send(submitted);
            awaitWaitingFor(log, submitted, "item " + item);
            ReferenceDataFixture.publish(ReferenceDataFixture.newItem(item, 4, 1));
            awaitWaitingFor(log, submitted, "community " + community);
            assertThat(EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, submitted.id())).isFalse();
            assertThat(EscalationDatabase.number("select count(*) from sla_clock where report_id = ?",
                    UUID.fromString(reportId))).as("no clock started with a guess").isZero();

            ReferenceDataFixture.publish(new CommunityChanged(community, "PILOTJD", "试点社区", "Pilot", true, 1,
                    ReferenceDataFixture.SEEDED_AT));

            await().atMost(DEFAULT_WAIT)
                    .until(() -> EscalationDatabase.processed(ComplaintEventsConsumer.CONSUMER, submitted.id()));
        }
        assertThat(EscalationDatabase.strings("select state from sla_clock where report_id = ?",
                UUID.fromString(reportId))).containsExactly("RUNNING");
        assertThat(EscalationDatabase.strings("select payload::jsonb ->> 'streetCode' from outbox_event"
                + " where partition_key = ? and event_type = ?", reportId, EventType.ESCALATION_SLA_SCHEDULED.type()))
                .containsExactly("PILOTJD");
        List<String> parked = TopicProbe.readToEnd(DLQ).stream().map(record -> record.key()).toList();
        assertThat(parked).as("nothing parked").doesNotContain(reportId);
    }

    /** The event failed at least twice, the last time because {@code missing} had not arrived: it is being retried. */
    private static void awaitWaitingFor(CapturedLog log, CloudEvent event, String missing) {
        await().atMost(DEFAULT_WAIT).until(() -> log.lines(Level.WARNING, event.id()).size() >= 2
                && log.lines(Level.WARNING, event.id()).getLast().message().contains(missing + " is not known yet"));
    }

    private static void awaitApplied(CloudEvent... events) {
        await().atMost(DEFAULT_WAIT).until(() -> List.of(events).stream()
                .allMatch(event -> EscalationDatabase.processed(ReferenceEventsConsumer.CONSUMER, event.id())));
    }

    /** The item's resolution target and revision in the copy. */
    private static String copyOf(String item) {
        return EscalationDatabase.strings("select concat_ws(' ', resolution_working_days, revision) from taxonomy_item"
                + " where item_code = ?", item).getFirst();
    }

    /** The golden sample of {@code type} about another item or community: fresh event id, subject and code. */
    private static CloudEvent golden(EventType type, String subject, String codeField, String code) {
        CloudEvent sample = CloudEvent.fromStructured(EventJson.readResource(type.sampleResource()));
        ObjectNode data = sample.data().deepCopy();
        data.put(codeField, code);
        return new CloudEvent(UUID.randomUUID().toString(), sample.source(), sample.type(), subject, sample.time(),
                data);
    }

    /** An item code nothing else uses (the copy's other readers skip {@code pilot-} items). */
    private static String newItemCode() {
        return "pilot-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newCommunityCode() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }
}
