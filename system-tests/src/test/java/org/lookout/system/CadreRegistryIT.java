package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 11's path through the real stack (gateway, Keycloak tokens, Kafka with ACLs, every service): a resident's
 * cadre-conduct report becomes a supervision record; inspector1 links it to a registered official and forwards it; the
 * discipline commission's client resolves the escalation; the record is concluded and the concern written into the
 * archive; an integrity opinion is requested, drafted by staff1, issued by head1 and read by inspector1; a 任前公示 notice
 * takes a resident's comment, which becomes supervision information. The cadre topic carries none of the names, phones
 * or texts used; the audit chain is intact.
 */
class CadreRegistryIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String REASON = "X-Access-Reason";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void fromAResidentsReportToTheArchiveAnIssuedOpinionAndANoticeComment() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officialName = "系统测试干部" + n;
        String phone = "1390" + n + "1";
        String reportText = "某领导干部在小区内私搭乱建，系统测试" + n;
        String draft = "该同志在社区表现一般，曾有属实的监督信息，系统测试" + n;
        String comment = "该干部长期占用公共车位，系统测试" + n;
        String inspector = Stack.token("inspector1");

        // a resident reports an official's conduct
        String reportId = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON).body("""
                {"itemCode":"cadre-conduct","title":"干部作风问题","description":"%s","communityCode":"DCY",
                 "location":{"address":"3号楼","building":"3-2"},"channel":"APP","anonymous":false}""".formatted(reportText))
                .post("/api/complaints").then().statusCode(201).body("confidential", equalTo(true))
                .extract().path("id");

        // it becomes a supervision record, which inspector1 (street DCYJD) sees and inspector2 does not
        String record = Awaitility.await().atMost(WAIT).until(() -> reading(inspector).get("/api/cadres/supervision")
                .then().statusCode(200).extract().jsonPath()
                .<String>get("find { it.reportId == '" + reportId + "' }?.id"), found -> found != null);
        reading(Stack.token("inspector2")).get("/api/cadres/supervision/" + record).then().statusCode(404);

        // the official is registered; the record is linked to them, accepted and forwarded
        String official = as(inspector).body("""
                {"name":"%s","employer":"区住房和城乡建设委员会","post":"副主任","rank":"副处级","communityCode":"DCY",
                 "building":"3-2","phone":"%s","registeredOn":"%s"}""".formatted(officialName, phone, LocalDate.now()))
                .post("/api/cadres").then().statusCode(201).extract().path("id");
        as(inspector).body("{\"officialId\":\"" + official + "\"}").post("/api/cadres/supervision/" + record + "/link")
                .then().statusCode(200);
        as(inspector).post("/api/cadres/supervision/" + record + "/accept").then().statusCode(200);
        as(inspector).body("{\"accusedHeadsReceivingBody\":false}").post("/api/cadres/supervision/" + record
                + "/forward").then().statusCode(200).body("status", equalTo("FORWARDED"));

        // the discipline commission's client resolves the escalation escalation-service opened
        String discipline = Stack.agencyToken("agency-discipline-district");
        String escalation = Awaitility.await().atMost(WAIT).until(() -> given().auth().oauth2(discipline)
                .get("/api/escalations").then().statusCode(200).extract().jsonPath()
                .<String>get("find { it.reportId == '" + reportId + "' && it.trigger == 'TIP_OFF' }?.id"),
                found -> found != null);
        given().auth().oauth2(discipline).post("/api/escalations/" + escalation + "/acknowledge").then().statusCode(200);
        given().auth().oauth2(discipline).contentType(ContentType.JSON)
                .body("{\"outcome\":\"PENALISED\",\"actionsTaken\":\"党内警告处分\"}")
                .post("/api/escalations/" + escalation + "/resolve").then().statusCode(200);

        // the record is concluded by the organ's outcome and the concern is in the official's archive
        Awaitility.await().atMost(WAIT).untilAsserted(() -> reading(inspector).get("/api/cadres/supervision/" + record)
                .then().statusCode(200).body("status", equalTo("CONCLUDED")).body("outcome", equalTo("PENALISED")));
        String concern = reading(inspector).get("/api/cadres/" + official + "/archive").then().statusCode(200)
                .body("kind", hasItem("CONCERN")).extract().path("find { it.supervisionRecordId == '" + record + "' }.id");

        // an integrity opinion: requested, drafted by staff1 from the archive, issued by head1, read by inspector1
        String opinion = as(inspector).body("{\"officialId\":\"" + official + "\",\"purpose\":\"拟提拔\"}")
                .post("/api/cadres/opinions").then().statusCode(201).extract().path("id");
        String staff = Stack.token("staff1");
        reading(staff).get("/api/cadres/opinions/" + opinion + "/archive").then().statusCode(200)
                .body("id", hasItem(concern));
        as(staff).body("{\"text\":\"" + draft + "\",\"citedEntryIds\":[\"" + concern + "\"]}")
                .put("/api/cadres/opinions/" + opinion + "/draft").then().statusCode(200);
        as(staff).post("/api/cadres/opinions/" + opinion + "/issue").then().statusCode(403);
        as(Stack.token("head1")).post("/api/cadres/opinions/" + opinion + "/issue").then().statusCode(200)
                .body("status", equalTo("ISSUED"));
        as(inspector).get("/api/cadres/opinions/" + opinion).then().statusCode(200).body("opinion", equalTo(draft));

        // a 任前公示 notice: resident1 reads it and comments; the comment is supervision information for inspectors
        String notice = as(inspector).body("""
                {"officialId":"%s","kind":"PRE_APPOINTMENT","title":"任前公示","body":"拟任区住房和城乡建设委员会主任",
                 "windowStart":"%s","windowEnd":"%s"}""".formatted(official, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(86_400))).post("/api/notices").then().statusCode(201).extract().path("id");
        String resident = Stack.token("resident1");
        as(resident).get("/api/notices").then().statusCode(200).body("id", hasItem(notice));
        as(resident).body("{\"text\":\"" + comment + "\",\"anonymous\":true}")
                .post("/api/notices/" + notice + "/comments").then().statusCode(201);
        reading(inspector).get("/api/notices/" + notice + "/comments").then().statusCode(200)
                .body("text", hasItem(comment));
        reading(inspector).get("/api/cadres/supervision").then().statusCode(200)
                .body("findAll { it.noticeId == '" + notice + "' }.source", hasItem("NOTICE_COMMENT"));

        // the cadre topic: ids and codes, none of the names, phones or texts
        ConsumerRecord<String, String> last = Stack.awaitRecord(Topics.CADRE, r -> notice.equals(r.key()));
        assertThat(CloudEventKafka.fromRecord(last).type()).isEqualTo(EventType.CADRE_NOTICE_PUBLISHED.type());
        for (String key : List.of(official, record, opinion, notice)) {
            ConsumerRecord<String, String> event = Stack.awaitRecord(Topics.CADRE, r -> key.equals(r.key()));
            assertThat(event.value() + event.headers()).doesNotContain(officialName, phone, reportText, draft, comment,
                    "resident1", "inspector1");
        }

        // the audit chain holds, and shows the reads with their reasons
        Map<String, Object> verdict = as(inspector).get("/api/cadres/audit?from=" + Instant.now().minusSeconds(3600)
                + "&to=" + Instant.now().plusSeconds(60)).then().statusCode(200).extract().jsonPath().getMap("verdict");
        assertThat(verdict).containsEntry("intact", true);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification reading(String token) {
        return as(token).header(REASON, "system test");
    }
}
