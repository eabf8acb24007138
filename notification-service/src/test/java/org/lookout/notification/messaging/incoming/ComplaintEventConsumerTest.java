package org.lookout.notification.messaging.incoming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.ReporterPseudonym;
import org.lookout.contracts.Topics;
import org.lookout.notification.GoldenComplaintEvents;
import org.lookout.notification.NotificationTestResources;
import org.lookout.notification.config.NotificationConfig;
import org.lookout.outbox.DeadLetterHandler;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Replays the golden complaint event on the real topic and watches the reporter's inbox through the API. */
@QuarkusTest
@NotificationTestResources
class ComplaintEventConsumerTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final String DEFAULT_COMMUNITY = "DCY";
    private static final String DLQ = "lookout.notification-service.dlq";

    @Inject
    NotificationConfig config;

    @Test
    void acknowledgesASubmittedReportInTheReportersInboxInBothLanguages() {
        String subject = newSubject();
        CloudEvent event = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        String trackingNumber = GoldenComplaintEvents.trackingNumber(event);

        GoldenComplaintEvents.send(event);

        JsonPath zh = awaitInboxWith(subject, trackingNumber);
        assertThat(zh.getList("", Map.class)).hasSize(1);
        assertThat(zh.getString("[0].kind")).isEqualTo("REPORT_RECEIVED");
        assertThat(zh.getString("[0].reportId")).isEqualTo(GoldenComplaintEvents.reportId(event));
        assertThat(zh.getString("[0].language")).isEqualTo("zh-CN");
        assertThat(zh.getString("[0].body")).contains("您的反映已受理，编号 " + trackingNumber);
        assertThat(zh.getBoolean("[0].read")).isFalse();

        given().auth().oauth2(Tokens.resident(subject, DEFAULT_COMMUNITY))
                .header("Accept-Language", "en-GB,en;q=0.9,zh-CN;q=0.5")
                .when().get("/api/notifications")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .body("[0].language", equalTo("en"))
                .body("[0].body", startsWith("Your report " + trackingNumber + " has been received"));
    }

    @Test
    void theSameEventTwiceMakesOneEntry() throws SQLException {
        String subject = newSubject();
        CloudEvent event = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        // a later event of the same report (same partition) proves that both copies were read before we count
        String markerSubject = newSubject();
        CloudEvent marker = GoldenComplaintEvents.sameReport(event, config.pseudonymKey(), markerSubject);

        GoldenComplaintEvents.send(event);
        GoldenComplaintEvents.send(event);
        GoldenComplaintEvents.send(marker);

        awaitInboxWith(markerSubject, GoldenComplaintEvents.trackingNumber(marker));
        JsonPath inbox = inboxOf(subject);
        assertThat(inbox.getList("reference", String.class)).containsExactly(GoldenComplaintEvents.trackingNumber(event));
        String reporter = ReporterPseudonym.of(config.pseudonymKey(), subject);
        assertThat(count("select count(*) from notification where source_event_id = ? and recipient_ref = '" + reporter
                + "'", event.id())).isEqualTo(1);
        assertThat(count("select count(*) from delivery_attempt a join notification n on n.id = a.notification_id"
                + " where a.source_event_id = ? and a.outcome = 'DELIVERED' and n.recipient_ref = '" + reporter + "'",
                event.id())).isEqualTo(1);
        assertThat(count("select count(*) from delivery_attempt a join notification n on n.id = a.notification_id"
                + " where a.source_event_id = ? and a.outcome = 'DUPLICATE'", event.id())).as("the second copy")
                .isZero();
    }

    @Test
    void anAnonymousReportNotifiesNobody() throws SQLException {
        CloudEvent anonymous = GoldenComplaintEvents.submittedAnonymously();
        // a producer bug must not link an anonymous report to an account either
        String subject = newSubject();
        CloudEvent mislabelled = GoldenComplaintEvents.sameReport(anonymous, config.pseudonymKey(), subject);
        ((ObjectNode) mislabelled.data()).put("anonymous", true);
        String markerSubject = newSubject();
        CloudEvent marker = GoldenComplaintEvents.sameReport(anonymous, config.pseudonymKey(), markerSubject);

        GoldenComplaintEvents.send(anonymous);
        GoldenComplaintEvents.send(mislabelled);
        GoldenComplaintEvents.send(marker);

        awaitInboxWith(markerSubject, GoldenComplaintEvents.trackingNumber(marker));
        assertThat(count("select count(*) from processed_event where event_id = ?", anonymous.id())).isEqualTo(1);
        // the community's staff hear of the report; nobody is addressed as its reporter
        assertThat(count("select count(*) from notification where source_event_id = ? and recipient_ref like 'rp1_%'",
                anonymous.id())).isZero();
        assertThat(count("select count(*) from notification where source_event_id = ? and recipient_ref like 'rp1_%'",
                mislabelled.id())).isZero();
        assertThat(count("select count(*) from notification where source_event_id = ? and recipient_ref = 'group:staff:DCY'",
                anonymous.id())).isEqualTo(1);
        assertThat(inboxOf(subject).getList("")).isEmpty();
    }

    @Test
    void anotherResidentSeesNothingOfIt() {
        String subject = newSubject();
        CloudEvent event = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        GoldenComplaintEvents.send(event);
        String id = awaitInboxWith(subject, GoldenComplaintEvents.trackingNumber(event)).getString("[0].id");

        String neighbour = Tokens.resident(newSubject(), DEFAULT_COMMUNITY);
        given().auth().oauth2(neighbour)
                .when().get("/api/notifications")
                .then().statusCode(200)
                .body("size()", is(0));
        given().auth().oauth2(neighbour)
                .when().post("/api/notifications/{id}/read", id)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextIsRead() {
        String subject = newSubject();
        CloudEvent next = GoldenComplaintEvents.submittedBy(config.pseudonymKey(), subject);
        String key = next.subject();

        TopicProbe.send(Topics.COMPLAINT, key, Map.of("content-type", "application/json"), "{\"not\":\"an event\"}");
        GoldenComplaintEvents.send(next);

        awaitInboxWith(subject, GoldenComplaintEvents.trackingNumber(next));
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, record -> key.equals(record.key()));
        assertThat(dead.value()).isEqualTo("{\"not\":\"an event\"}");
        assertThat(dead.headers().toArray()).extracting(Header::key).as("decided headers only")
                .isSubsetOf(DeadLetterHandler.HEADERS);
        assertThat(TopicProbe.header(dead, DeadLetterHandler.CODE)).contains("malformed");
    }

    private JsonPath awaitInboxWith(String subject, String trackingNumber) {
        await("inbox entry " + trackingNumber).atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth().oauth2(Tokens.resident(subject, DEFAULT_COMMUNITY))
                        .when().get("/api/notifications")
                        .then().statusCode(200)
                        .body("reference", hasItem(trackingNumber)));
        return inboxOf(subject);
    }

    private static JsonPath inboxOf(String subject) {
        return given().auth().oauth2(Tokens.resident(subject, DEFAULT_COMMUNITY))
                .when().get("/api/notifications")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static long count(String query, String eventId) throws SQLException {
        String database = "notification";
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.jdbcUrl(database), database, database);
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, eventId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String newSubject() {
        return "resident-" + UUID.randomUUID();
    }
}
