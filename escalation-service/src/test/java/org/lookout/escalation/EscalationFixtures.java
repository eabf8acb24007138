package org.lookout.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Reports this service knows, manual escalations of them, and the escalation events they published. */
public final class EscalationFixtures {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    public static final String ESCALATIONS = "/api/escalations";
    public static final String ESCALATION = "/api/escalations/{id}";
    public static final String PROBLEM = "application/problem+json";
    public static final String DEFAULT_COMMUNITY = "DCY";
    public static final String DEFAULT_STREET = "DCYJD";
    public static final String DEFAULT_REASON = "the lift motor room stores fuel cans; the community cannot act";

    private EscalationFixtures() {
    }

    /** A report of the demo community received as in the golden sample, once this service has its clock. */
    public static String knownReport() {
        CloudEvent submitted = GoldenComplaintEvents.submitted();
        String reportId = GoldenComplaintEvents.reportId(submitted);
        GoldenComplaintEvents.send(submitted);
        await().atMost(DEFAULT_WAIT).until(() -> given().auth().oauth2(Tokens.admin())
                .when().get("/api/escalations/reports/{id}/clocks", reportId).then().extract().statusCode() == 200);
        return reportId;
    }

    /** The body of a manual escalation. */
    public static Map<String, Object> manual(String reportId, List<String> agencies, String lead) {
        Map<String, Object> body = new HashMap<>();
        body.put("reportId", reportId);
        body.put("agencies", agencies);
        if (lead != null) {
            body.put("lead", lead);
        }
        body.put("reason", DEFAULT_REASON);
        body.put("dueInWorkingDays", 3);
        return body;
    }

    /** A manual escalation by the demo community's staff; answers its id. */
    public static String escalate(String reportId, List<String> agencies, String lead) {
        return given().auth().oauth2(Tokens.staff(DEFAULT_COMMUNITY)).contentType(ContentType.JSON)
                .body(manual(reportId, agencies, lead))
                .when().post(ESCALATIONS)
                .then().statusCode(201).extract().path("id");
    }

    /** A new report escalated by hand to {@code agencies}, the first leading; answers the escalation id. */
    public static String newEscalation(String... agencies) {
        return escalate(knownReport(), List.of(agencies), agencies[0]);
    }

    /** The report's clocks as an administrator reads them. */
    public static JsonPath clocks(String reportId) {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/escalations/reports/{id}/clocks", reportId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A field of the clock of {@code kind} among {@code clocks}, as text; null when absent. */
    public static String clockField(JsonPath clocks, String kind, String field) {
        Object value = clocks.get("find { it.kind == '" + kind + "' }." + field);
        return value == null ? null : value.toString();
    }

    public static JsonPath read(String id) {
        return given().auth().oauth2(Tokens.admin()).when().get(ESCALATION, id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** An agency's action on an escalation ({@code acknowledge}, {@code progress}, {@code resolve}, {@code return}). */
    public static ValidatableResponse act(String agency, String id, String action,
            Map<String, ?> body) {
        return work(Tokens.agency(agency), id, action, body);
    }

    /** The same action by whoever holds {@code token}: an agency, or a supervisor working the street's part. */
    public static ValidatableResponse work(String token, String id, String action, Map<String, ?> body) {
        RequestSpecification request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post(ESCALATION + "/" + action, id).then();
    }

    /** How many events of {@code type} the outbox holds for the escalation (an event and its agency-topic copies: one). */
    public static long events(String escalationId, EventType type) {
        return EscalationDatabase.number("select count(distinct event_id) from outbox_event where event_type = ? and payload like ?",
                type.type(), "%" + escalationId + "%");
    }

    /** The escalation's records of {@code types} on the topic, once there are {@code count} of them, in order. */
    public static List<ConsumerRecord<String, String>> published(String reportId, String escalationId, int count,
            EventType... types) {
        List<String> names = Arrays.stream(types).map(EventType::type).toList();
        Predicate<ConsumerRecord<String, String>> ours = record -> reportId.equals(record.key())
                && names.contains(TopicProbe.header(record, CloudEventKafka.TYPE).orElse(""))
                && escalationId.equals(EventJson.read(record.value()).path("escalationId").asText());
        return TopicProbe.readUntil(Topics.ESCALATION, read -> read.stream().filter(ours).count() >= count,
                DEFAULT_WAIT).stream().filter(ours).toList();
    }

    public static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, CloudEventKafka.TYPE).orElseThrow();
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value());
    }
}
