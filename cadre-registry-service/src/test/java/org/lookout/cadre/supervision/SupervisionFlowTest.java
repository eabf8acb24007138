package org.lookout.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.GoldenComplaintEvents;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A supervision record's life: a resident's cadre-conduct report becomes a record, an inspector accepts it, links the
 * official, records findings and forwards it; the discipline organ's outcome (escalation-service's events) concludes it
 * and writes the concern into the official's archive. Information officers file records of their own.
 */
@QuarkusTest
@CadreTestResources
class SupervisionFlowTest {

    private static final String PATH = "/api/cadres/supervision/";

    @Test
    void aReportIsAcceptedLinkedForwardedAndTheOrgansOutcomeConcludesItIntoTheArchive() {
        CloudEvent report = GoldenComplaintEvents.submittedAboutAnOfficial();
        String reportId = GoldenComplaintEvents.reportId(report);
        String id = Cadre.recordOf(report);
        String official = Cadre.official();

        Cadre.as(Cadre.inspector()).post(PATH + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_SUPERVISION_ACCEPTED,
                Cadre.event(id, EventType.CADRE_SUPERVISION_ACCEPTED).data());
        Cadre.as(Cadre.inspector()).body("{\"officialId\":\"" + official + "\"}").post(PATH + id + "/link")
                .then().statusCode(200).body("officialId", equalTo(official));
        Cadre.as(Cadre.inspector()).body("{\"findings\":\"初步了解，情况基本属实\"}").post(PATH + id + "/findings")
                .then().statusCode(200).body("findings", equalTo("初步了解，情况基本属实"));
        Cadre.as(Cadre.inspector()).body("{\"accusedHeadsReceivingBody\":false}").post(PATH + id + "/forward")
                .then().statusCode(200).body("status", equalTo("FORWARDED"));

        // the contract escalation-service opens the escalation from: unchanged, keyed by the report
        CloudEvent forwarded = Cadre.event(reportId, EventType.CADRE_TIP_OFF_FORWARDED);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_TIP_OFF_FORWARDED, forwarded.data());
        assertThat(forwarded.data().path("tipOffId").asText()).isEqualTo(id);
        assertThat(forwarded.data().path("reportId").asText()).isEqualTo(reportId);

        String escalation = DisciplineOrgan.newEscalation();
        GoldenEvents.send(DisciplineOrgan.opened(reportId, escalation));
        CloudEvent resolved = DisciplineOrgan.resolved(reportId, escalation, "PENALISED");
        GoldenEvents.send(resolved);
        GoldenEvents.send(resolved);

        await("record concluded").atMost(Cadre.WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> Cadre
                .reading(Cadre.inspector()).get(PATH + id).then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("outcome", equalTo("PENALISED"))
                .body("substantiated", equalTo(true)).body("escalationId", equalTo(escalation)));
        CloudEvent concluded = Cadre.event(id, EventType.CADRE_SUPERVISION_CONCLUDED);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_SUPERVISION_CONCLUDED, concluded.data());
        assertThat(concluded.data().path("officialId").asText()).isEqualTo(official);
        Cadre.reading(Cadre.inspector()).get("/api/cadres/" + official + "/archive").then().statusCode(200)
                .body("findAll { it.supervisionRecordId == '" + id + "' }.size()", equalTo(1))
                .body("find { it.supervisionRecordId == '" + id + "' }.kind", equalTo("CONCERN"))
                .body("find { it.supervisionRecordId == '" + id + "' }.source", equalTo("DISCIPLINE_ORGAN"))
                .body("find { it.supervisionRecordId == '" + id + "' }.reportId", equalTo(reportId));
        assertThat(Cadre.DATABASE.outboxEvents(id, EventType.CADRE_SUPERVISION_CONCLUDED.type())).isEqualTo(1);
    }

    @Test
    void anOutcomeThatFindsNothingConcludesWithoutAConcernAndAReturnBringsTheRecordBack() {
        String cleared = Cadre.record();
        String official = Cadre.official();
        Cadre.as(Cadre.inspector()).body("{\"officialId\":\"" + official + "\"}").post(PATH + cleared + "/link")
                .then().statusCode(200);
        forward(cleared);
        String reference = reportOf(cleared);
        String escalation = DisciplineOrgan.newEscalation();
        GoldenEvents.send(DisciplineOrgan.opened(reference, escalation));
        GoldenEvents.send(DisciplineOrgan.resolved(reference, escalation, "NO_VIOLATION_FOUND"));

        String returned = Cadre.record();
        forward(returned);
        String otherEscalation = DisciplineOrgan.newEscalation();
        GoldenEvents.send(DisciplineOrgan.opened(reportOf(returned), otherEscalation));
        GoldenEvents.send(DisciplineOrgan.returned(reportOf(returned), otherEscalation));

        await("outcomes applied").atMost(Cadre.WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Cadre.reading(Cadre.inspector()).get(PATH + cleared).then().body("status", equalTo("CONCLUDED"))
                    .body("substantiated", equalTo(false));
            Cadre.reading(Cadre.inspector()).get(PATH + returned).then().body("status", equalTo("ACCEPTED"))
                    .body("escalationId", nullValue());
        });
        assertThat(Cadre.DATABASE.number("select count(*) from archive_entry where supervision_record_id = ?::uuid",
                cleared)).isZero();
    }

    @Test
    void aRecordConcludedInHouseAsTrueLeavesItsConcernWhenItIsLinked() {
        String id = Cadre.record();
        Cadre.as(Cadre.inspector()).body("{\"disposition\":\"PRELIMINARY_VERIFICATION\",\"summary\":\"属实\","
                + "\"substantiated\":true}").post(PATH + id + "/conclude").then().statusCode(409)
                .body("from", equalTo("RECEIVED")).body("action", equalTo("conclude"));
        Cadre.as(Cadre.inspector()).post(PATH + id + "/accept").then().statusCode(200);
        Cadre.as(Cadre.inspector()).body("{\"disposition\":\"PRELIMINARY_VERIFICATION\",\"summary\":\"经初步核实属实\","
                + "\"substantiated\":true}").post(PATH + id + "/conclude").then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("disposition", equalTo("PRELIMINARY_VERIFICATION"));
        Cadre.as(Cadre.inspector()).body("{\"findings\":\"late\"}").post(PATH + id + "/findings").then().statusCode(409);
        assertThat(Cadre.DATABASE.number("select count(*) from archive_entry where supervision_record_id = ?::uuid", id))
                .isZero();

        String official = Cadre.official();
        Cadre.as(Cadre.inspector()).body("{\"officialId\":\"" + official + "\"}").post(PATH + id + "/link")
                .then().statusCode(200);

        Cadre.reading(Cadre.inspector()).get("/api/cadres/" + official + "/archive").then().statusCode(200)
                .body("find { it.supervisionRecordId == '" + id + "' }.source", equalTo("INSPECTOR"))
                .body("find { it.supervisionRecordId == '" + id + "' }.text", containsString("经初步核实属实"));
    }

    @Test
    void anInformationOfficerFilesAndFollowsOnlyAcceptedOrConcludedByTheTrackingCode() {
        String code = Cadre.as(Tokens.informationOfficer("DCY")).body("{\"text\":\"某局长周末用公车接送家人\"}")
                .post(PATH).then().statusCode(201).body("status", equalTo("RECEIVED"))
                // a tip-off and its tracking view are sensitive answers (@Sensitive): never cached, never sniffed
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Location", containsString("/api/cadres/supervision/track/")).extract().path("trackingCode");
        String id = Cadre.DATABASE.strings("select id::text from supervision_record where tracking_code = ?", code)
                .getFirst();

        Cadre.as(Tokens.lookout("DCY")).body("{\"text\":\"x\"}").post(PATH).then().statusCode(403);
        io.restassured.RestAssured.given().get(PATH + "track/" + code).then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .body("status", equalTo("RECEIVED"));
        Cadre.as(Cadre.inspector()).post(PATH + id + "/accept").then().statusCode(200);
        io.restassured.RestAssured.given().get(PATH + "track/" + code).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("$", not(org.hamcrest.Matchers.hasKey("findings")));
        io.restassured.RestAssured.given().get(PATH + "track/SV-NOSUCHCODE00000").then().statusCode(404)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");

        Cadre.reading(Cadre.inspector()).get(PATH + id).then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .body("source", equalTo("INFORMATION_OFFICER")).body("content", equalTo("某局长周末用公车接送家人"))
                .body("realName", equalTo(true)).body("$", not(org.hamcrest.Matchers.hasKey("trackingCode")));
        assertThat(Cadre.DATABASE.strings("select actor from audit_chain where action = 'FILE_SUPERVISION'"
                + " and target = ?", "supervision record " + id)).containsExactly("reporter (withheld)");
        assertThat(Cadre.DATABASE.number("select count(*) from supervision_record where id = ?::uuid and"
                + " (reporter_ref is not null or content like '%lookout-2%')", id)).isZero();
        ContractAssertions.assertValidAgainstSchema(EventType.CADRE_SUPERVISION_RECORDED,
                Cadre.event(id, EventType.CADRE_SUPERVISION_RECORDED).data());
    }

    @Test
    void readsNeedAReasonAndTheOtherStreetSeesNothing() {
        String id = Cadre.record();

        Cadre.as(Cadre.inspector()).get(PATH).then().statusCode(400).body("errors.field", hasItem("X-Access-Reason"));
        Cadre.as(Cadre.inspector()).get(PATH + id).then().statusCode(400);
        Cadre.reading(Cadre.otherInspector()).get(PATH + id).then().statusCode(404);
        Cadre.reading(Cadre.otherInspector()).get(PATH).then().statusCode(200).body("id", not(hasItem(id)));
        Cadre.as(Cadre.otherInspector()).post(PATH + id + "/accept").then().statusCode(404);
    }

    @Test
    void forwardingIsOnceAndTwoInspectorsAtOnceGetOneForwardAndOneConflict() {
        String id = Cadre.record();

        List<CompletableFuture<Integer>> attempts = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> Cadre.as(Tokens.builder().subject("inspector-" + n)
                        .roles("inspector").streets("DCYJD").sign()).body("{\"accusedHeadsReceivingBody\":false}")
                        .post(PATH + id + "/forward").then().extract().statusCode()))
                .toList();

        assertThat(attempts.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        assertThat(Cadre.DATABASE.outboxEvents(reportOf(id), EventType.CADRE_TIP_OFF_FORWARDED.type())).isEqualTo(1);
        Cadre.as(Cadre.inspector()).body("{}").post(PATH + id + "/forward").then().statusCode(400)
                .body("errors.field", hasItem(containsString("accusedHeadsReceivingBody")));
    }

    private static void forward(String id) {
        Cadre.as(Cadre.inspector()).body("{\"accusedHeadsReceivingBody\":false}").post(PATH + id + "/forward")
                .then().statusCode(200);
    }

    private static String reportOf(String id) {
        return Cadre.DATABASE.strings("select report_id::text from supervision_record where id = ?::uuid", id).getFirst();
    }
}
