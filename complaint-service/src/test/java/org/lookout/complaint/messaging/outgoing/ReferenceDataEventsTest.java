package org.lookout.complaint.messaging.outgoing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintDatabase.number;
import static org.lookout.complaint.ComplaintDatabase.outboxEvents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.contracts.ItemChanged;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * The producer side of the reference data this service owns: the seeded items and communities published once at
 * start-up in the contract's shape, an edit published whole as the next revision, nothing published twice by a
 * restart or by two instances at once, on a compacted topic.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferenceDataEventsTest {

    // an item and a community no other test edits
    private static final String ITEM = "parking-traffic";
    private static final String COMMUNITY = "QNJ";

    @Inject
    ReferenceDataEvents events;

    @Test
    void everySeededItemAndCommunityWasPublishedOnceAtStartUpAsTheContractDescribes() {
        assertThat(number("select count(*) from taxonomy_item")).isEqualTo(23);
        assertThat(number("select count(*) from taxonomy_item where published_revision < revision")).isZero();
        assertThat(number("select count(*) from community where published_revision < revision")).isZero();
        assertThat(number("select count(distinct partition_key) from outbox_event where event_type = ?",
                EventType.COMPLAINT_ITEM_CHANGED.type())).isEqualTo(23);
        assertThat(number("""
                select count(*) from outbox_event where event_type = ? and (payload::jsonb ->> 'revision')::int = 1
                """, EventType.COMPLAINT_ITEM_CHANGED.type())).as("one first revision per item").isEqualTo(23);
        assertThat(number("""
                select count(*) from outbox_event where event_type = ? and (payload::jsonb ->> 'revision')::int = 1
                """, EventType.COMPLAINT_COMMUNITY_CHANGED.type())).as("one first revision per community")
                .isEqualTo(number("select count(*) from community"));

        CloudEvent hazardous = firstRevision(ItemChanged.key("hazardous-materials"));
        assertThat(hazardous.type()).isEqualTo(EventType.COMPLAINT_ITEM_CHANGED.type());
        assertThat(hazardous.source()).isEqualTo("/lookout/complaint-service");
        ContractAssertions.assertMatchesGoldenSample(EventType.COMPLAINT_ITEM_CHANGED, hazardous.data());
        assertThat(hazardous.data().path("escalationAgencyKinds").toString())
                .isEqualTo("[\"PUBLIC_SECURITY\",\"MARKET_REGULATION\"]");
        assertThat(hazardous.data().path("leadAgencyKind").asText()).isEqualTo("PUBLIC_SECURITY");
        assertThat(hazardous.data().path("resolutionWorkingDays").asInt()).isEqualTo(1);

        CloudEvent corridor = firstRevision(ItemChanged.key("corridor-lighting"));
        ContractAssertions.assertValidAgainstSchema(EventType.COMPLAINT_ITEM_CHANGED, corridor.data());
        assertThat(corridor.data().has("leadAgencyKind")).as("no lead for an item that does not escalate at once")
                .isFalse();

        CloudEvent dcy = firstRevision(CommunityChanged.key("DCY"));
        ContractAssertions.assertMatchesGoldenSample(EventType.COMPLAINT_COMMUNITY_CHANGED, dcy.data());
        assertThat(dcy.data().path("streetCode").asText()).isEqualTo("DCYJD");
    }

    @Test
    void anEditPublishesTheWholeItemAsItsNextRevision() {
        long revision = number("select revision from taxonomy_item where code = ?", ITEM);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"nameZh\":\"停车交通\",\"nameEn\":\"Parking and traffic\",\"resolutionDays\":8,"
                        + "\"confidential\":false,\"active\":true}")
                .put("/api/taxonomy/items/" + ITEM).then().statusCode(200);

        CloudEvent edited = CloudEventKafka.fromRecord(TopicProbe.awaitRecord(Topics.COMPLAINT_REFERENCE,
                record -> ItemChanged.key(ITEM).equals(record.key())
                        && CloudEventKafka.fromRecord(record).data().path("revision").asLong() == revision + 1));
        assertThat(edited.subject()).isEqualTo(ItemChanged.key(ITEM));
        assertThat(edited.data().path("resolutionWorkingDays").asInt()).isEqualTo(8);
        assertThat(edited.data().path("nameZh").asText()).isEqualTo("停车交通");
        assertThat(edited.data().path("categoryCode").asText()).isEqualTo("PUBLIC");
        ContractAssertions.assertValidAgainstSchema(EventType.COMPLAINT_ITEM_CHANGED, edited.data());
        assertThat(number("select published_revision from taxonomy_item where code = ?", ITEM)).isEqualTo(revision + 1);
    }

    @Test
    void whereAResolutionBreachGoesIsPublishedWithTheItemAndTheStreetIsItsAbsence() {
        long revision = number("select revision from taxonomy_item where code = ?", ITEM);
        String rules = "{\"escalatesImmediately\":false,\"escalationAgencyKinds\":[],\"jointEscalation\":false%s}";

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(rules.formatted(",\"resolutionBreachAgencyKind\":\"URBAN_MANAGEMENT\""))
                .put("/api/taxonomy/items/" + ITEM + "/escalation").then().statusCode(200);
        CloudEvent toAgency = revision(ITEM, revision + 1);
        assertThat(toAgency.data().path("resolutionBreachAgencyKind").asText()).isEqualTo("URBAN_MANAGEMENT");
        ContractAssertions.assertValidAgainstSchema(EventType.COMPLAINT_ITEM_CHANGED, toAgency.data());

        // as seeded again: the breach goes to the street, and the event leaves the field out
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(rules.formatted(""))
                .put("/api/taxonomy/items/" + ITEM + "/escalation").then().statusCode(200);
        CloudEvent toStreet = revision(ITEM, revision + 2);
        assertThat(toStreet.data().has("resolutionBreachAgencyKind")).isFalse();
        ContractAssertions.assertValidAgainstSchema(EventType.COMPLAINT_ITEM_CHANGED, toStreet.data());
    }

    private static CloudEvent revision(String item, long revision) {
        return CloudEventKafka.fromRecord(TopicProbe.awaitRecord(Topics.COMPLAINT_REFERENCE,
                record -> ItemChanged.key(item).equals(record.key())
                        && CloudEventKafka.fromRecord(record).data().path("revision").asLong() == revision));
    }

    @Test
    void aRestartPublishesNothingTwiceAndTwoInstancesPublishANewRevisionOnce() throws Throwable {
        long itemEvents = number("select count(*) from outbox_event where event_type = ?",
                EventType.COMPLAINT_ITEM_CHANGED.type());

        assertThat(VertxContextSupport.subscribeAndAwait(events::publishPending)).isZero();
        assertThat(number("select count(*) from outbox_event where event_type = ?",
                EventType.COMPLAINT_ITEM_CHANGED.type())).isEqualTo(itemEvents);

        // a later migration changes a seeded community: a new revision nobody published yet
        long before = outboxEvents(CommunityChanged.key(COMMUNITY), EventType.COMPLAINT_COMMUNITY_CHANGED);
        ComplaintDatabase.execute("update community set revision = revision + 1, changed_at = now() where code = ?",
                COMMUNITY);
        int published = 0;
        try (ExecutorService twoInstances = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> instances = twoInstances.invokeAll(List.of(this::publishPending, this::publishPending));
            for (Future<Integer> instance : instances) {
                published += instance.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(published).isEqualTo(1);
        assertThat(outboxEvents(CommunityChanged.key(COMMUNITY), EventType.COMPLAINT_COMMUNITY_CHANGED))
                .isEqualTo(before + 1);
        assertThat(VertxContextSupport.subscribeAndAwait(events::publishPending)).isZero();
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT_REFERENCE,
                CommunityChanged.key(COMMUNITY), (int) before + 1, Duration.ofSeconds(30));
        assertThat(CloudEventKafka.fromRecord(records.getLast()).data().path("revision").asLong())
                .isEqualTo(number("select revision from community where code = ?", COMMUNITY));
    }

    @Test
    void theReferenceTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.COMPLAINT_REFERENCE);
            String policy = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    private Integer publishPending() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(events::publishPending);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static CloudEvent firstRevision(String key) {
        return CloudEventKafka.fromRecord(TopicProbe.awaitRecord(Topics.COMPLAINT_REFERENCE, record -> key.equals(
                record.key()) && CloudEventKafka.fromRecord(record).data().path("revision").asInt() == 1));
    }
}
