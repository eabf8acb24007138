package org.lookout.cadre.tipoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.GoldenComplaintEvents;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.security.Roles;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/** An inspector forwards a tip-off: once, audited, and announced on lookout.cadre.v1 with references only. */
@QuarkusTest
@CadreTestResources
class ForwardTipOffTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DATABASE = "cadre_registry";
    private static final String INSPECTOR = "inspector-forwarding";

    @Test
    void forwardingPublishesTheContractEventKeyedByTheReportAndIsAudited() {
        TipOff tipOff = receivedTipOff();

        given().auth().oauth2(inspector(INSPECTOR)).contentType("application/json")
                .body("{\"accusedHeadsReceivingBody\": true}")
                .when().post(forward(tipOff.id()))
                .then().statusCode(200)
                .body("status", equalTo("FORWARDED"))
                .body("accusedHeadsReceivingBody", equalTo(true));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.CADRE,
                r -> tipOff.reportId().equals(r.key()));
        CloudEvent event = CloudEventKafka.fromRecord(record);
        assertThat(event.type()).isEqualTo(EventType.CADRE_TIP_OFF_FORWARDED.type());
        assertThat(event.subject()).isEqualTo(tipOff.reportId());
        assertThat(event.source()).isEqualTo("/lookout/cadre-registry-service");
        assertThat(event.data().path("tipOffId").asText()).isEqualTo(tipOff.id());
        assertThat(event.data().path("accusedHeadsReceivingBody").asBoolean()).isTrue();
        assertThat(event.data().path("itemCode").asText()).isEqualTo("cadre-conduct");
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_TIP_OFF_FORWARDED, event.data());
        assertThat(record.value() + record.headers()).doesNotContain(INSPECTOR);
        assertThat(count("select count(*) from audit_log where action = 'FORWARD_TIP_OFF' and actor = ? and target = ?",
                INSPECTOR, "tip-off " + tipOff.id())).isEqualTo(1);
    }

    @Test
    void twoInspectorsForwardingAtOnceGiveOneForwardAndOneConflict() {
        TipOff tipOff = receivedTipOff();

        List<CompletableFuture<Integer>> attempts = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(inspector("inspector-" + n))
                        .contentType("application/json").body("{\"accusedHeadsReceivingBody\": false}")
                        .when().post(forward(tipOff.id())).then().extract().statusCode()))
                .toList();

        assertThat(attempts.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        assertThat(count("select count(*) from outbox_event where partition_key = ?", tipOff.reportId())).isEqualTo(1);
    }

    @Test
    void forwardingTwiceIsAConflictNamingTheState() {
        TipOff tipOff = receivedTipOff();
        String body = "{\"accusedHeadsReceivingBody\": false}";
        given().auth().oauth2(Tokens.inspector()).contentType("application/json").body(body)
                .when().post(forward(tipOff.id())).then().statusCode(200);

        given().auth().oauth2(Tokens.inspector()).contentType("application/json").body(body)
                .when().post(forward(tipOff.id()))
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("FORWARDED"))
                .body("type", equalTo("urn:lookout:problem:illegal-transition"))
                .body("from", equalTo("FORWARDED")).body("action", equalTo("forward"));
    }

    @Test
    void theDecisionAboutTheAccusedMustBeStated() {
        TipOff tipOff = receivedTipOff();

        given().auth().oauth2(Tokens.inspector()).contentType("application/json").body("{}")
                .when().post(forward(tipOff.id()))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("accusedHeadsReceivingBody")));
    }

    @Test
    void unknownTipOffIsNotFoundAndOtherRolesAreForbidden() {
        given().auth().oauth2(Tokens.inspector()).contentType("application/json")
                .body("{\"accusedHeadsReceivingBody\": false}")
                .when().post(forward(UUID.randomUUID().toString()))
                .then().statusCode(404).contentType(PROBLEM);
        TipOff tipOff = receivedTipOff();
        for (String token : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD"), Tokens.admin(),
                Tokens.resident("DCY") }) {
            given().auth().oauth2(token).contentType("application/json").body("{\"accusedHeadsReceivingBody\": false}")
                    .when().post(forward(tipOff.id()))
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    private record TipOff(String id, String reportId) {
    }

    /** A tip-off as the consumer records it from a golden cadre-conduct report. */
    private static TipOff receivedTipOff() {
        CloudEvent event = GoldenComplaintEvents.submittedAboutAnOfficial();
        String reportId = GoldenComplaintEvents.reportId(event);
        GoldenComplaintEvents.send(event);
        String id = await("tip-off of report " + reportId).atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(Tokens.inspector()).when().get("/api/cadres/tip-offs")
                        .then().statusCode(200).extract().jsonPath()
                        .<String>get("find { it.reportId == '" + reportId + "' }?.id"), Objects::nonNull);
        return new TipOff(id, reportId);
    }

    private static String inspector(String subject) {
        return Tokens.builder().subject(subject).roles(Roles.INSPECTOR).sign();
    }

    private static String forward(String id) {
        return "/api/cadres/tip-offs/" + id + "/forward";
    }

    private static long count(String query, String... parameters) {
        return ServiceDatabase.of(DATABASE).number(query, (Object[]) parameters);
    }
}
