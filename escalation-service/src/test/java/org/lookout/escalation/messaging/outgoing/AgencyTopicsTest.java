package org.lookout.escalation.messaging.outgoing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_WAIT;
import static org.lookout.escalation.EscalationFixtures.act;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.Topics;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationFixtures;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Each agency's own topic carries exactly the events of the escalations it has a part in — the same events, same ids,
 * same keys and order as on {@code lookout.escalation.v1} — and nothing of any other escalation.
 */
@QuarkusTest
@EscalationTestResources
class AgencyTopicsTest {

    private static final String PSB = "psb-district";
    private static final String MARKET = "market-dcy";
    private static final String POLICE = "police-dcy";
    private static final String CIVIL_AFFAIRS = "civil-affairs";
    private static final Map<String, String> RESOLVE = Map.of("outcome", "HANDLED", "actionsTaken", "done");

    @Test
    void eachAgencyReadsExactlyTheEventsOfItsOwnEscalations() {
        String joint = EscalationFixtures.newEscalation(PSB, MARKET);
        act(MARKET, joint, "acknowledge", null).statusCode(200);
        act(PSB, joint, "acknowledge", null).statusCode(200);
        act(PSB, joint, "resolve", RESOLVE).statusCode(200);
        String single = EscalationFixtures.newEscalation(POLICE);
        act(POLICE, single, "return", Map.of("reason", "WRONG_JURISDICTION")).statusCode(200);
        String copy = given().auth().oauth2(Tokens.staff("DCY")).contentType(ContentType.JSON)
                .body(Map.of("reportId", EscalationFixtures.knownReport(), "agency", CIVIL_AFFAIRS, "reason", "FYI"))
                .when().post("/api/escalations/inform").then().statusCode(201).extract().path("id");
        act(CIVIL_AFFAIRS, copy, "acknowledge", null).statusCode(200);
        Set<String> ours = Set.of(joint, single, copy);

        // joint: opened, 2 acknowledged, resolved; single: opened, returned; copy: informed, acknowledged
        List<ConsumerRecord<String, String>> all = read(Topics.ESCALATION, ours, 8);
        Map<String, Set<String>> parties = Map.of(PSB, Set.of(joint), MARKET, Set.of(joint), POLICE, Set.of(single),
                CIVIL_AFFAIRS, Set.of(copy));
        for (Map.Entry<String, Set<String>> agency : parties.entrySet()) {
            List<ConsumerRecord<String, String>> expected = all.stream()
                    .filter(record -> agency.getValue().contains(escalationOf(record))).toList();
            List<ConsumerRecord<String, String>> own = read(Topics.agency(agency.getKey()), ours, expected.size());

            assertThat(own).as(agency.getKey()).extracting(AgencyTopicsTest::eventId)
                    .containsExactlyElementsOf(expected.stream().map(AgencyTopicsTest::eventId).toList());
            assertThat(own).extracting(ConsumerRecord::key)
                    .containsExactlyElementsOf(expected.stream().map(ConsumerRecord::key).toList());
            assertThat(own).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(expected.stream().map(ConsumerRecord::value).toList());
            assertThat(own).extracting(EscalationFixtures::type)
                    .containsExactlyElementsOf(expected.stream().map(EscalationFixtures::type).toList());
        }
    }

    @Test
    void noAgencysTopicHoldsAnEventOfAnEscalationItHasNoPartIn() {
        EscalationFixtures.newEscalation(PSB, MARKET);
        EscalationFixtures.newEscalation(POLICE);

        for (String agency : List.of(PSB, MARKET, POLICE, CIVIL_AFFAIRS)) {
            for (ConsumerRecord<String, String> record : TopicProbe.readToEnd(Topics.agency(agency), DEFAULT_WAIT)) {
                assertThat(EscalationDatabase.number("select count(*) from escalation_part where escalation_id = ?::uuid"
                        + " and agency_code = ?", escalationOf(record), agency))
                        .as("%s on the topic of %s", eventId(record), agency).isEqualTo(1);
            }
        }
    }

    /** The records of {@code escalations} on {@code topic}, once there are {@code count}, in the topic's order. */
    private static List<ConsumerRecord<String, String>> read(String topic, Set<String> escalations, int count) {
        Predicate<ConsumerRecord<String, String>> of = record -> escalations.contains(escalationOf(record));
        return TopicProbe.readUntil(topic, read -> read.stream().filter(of).count() >= count, DEFAULT_WAIT).stream()
                .filter(of).toList();
    }

    private static String escalationOf(ConsumerRecord<String, String> record) {
        return EscalationFixtures.data(record).path("escalationId").asText();
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, CloudEventKafka.ID).orElseThrow();
    }
}
