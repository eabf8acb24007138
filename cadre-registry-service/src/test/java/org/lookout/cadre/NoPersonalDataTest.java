package org.lookout.cadre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.timelimit.TimeLimits;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.CapturedLog;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A whole flow with names, phones and free text nobody else uses — an official registered and imported, a report, an
 * information officer's entry, a notice and a comment, findings, an opinion drafted and issued, a conclusion — then the
 * cadre topic, its dead-letter topic and everything the service logged meanwhile: none of them appears.
 */
@QuarkusTest
@CadreTestResources
class NoPersonalDataTest {

    @Inject
    TimeLimits limits;

    @Test
    void noNamePhoneOrFreeTextReachesATopicOrTheLog() throws Throwable {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String name = "机密姓名" + n;
        String importedName = "机密导入" + n;
        String phone = "1391" + n + "7";
        String employer = "机密单位" + n;
        String entry = "信息员文字" + n;
        String comment = "评论文字" + n;
        String findings = "核查文字" + n;
        String draft = "意见文字" + n;
        String summary = "结论文字" + n;
        List<String> secrets = List.of(name, importedName, phone, employer, entry, comment, findings, draft, summary,
                "lookout-2", "resident-1");

        try (CapturedLog log = CapturedLog.of("")) {
            // the communities reach the registry from the reference topic after it starts: when this class runs
            // first, DCY may not be copied yet (422, nothing stored), so the first registration waits for it
            String body = """
                    {"name":"%s","employer":"%s","post":"副主任","communityCode":"DCY","phone":"%s",
                     "registeredOn":"2026-02-10"}""".formatted(name, employer, phone);
            String official = await("community DCY copied").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Cadre.as(Cadre.inspector()).body(body).post("/api/cadres"),
                            response -> response.statusCode() != 422)
                    .then().statusCode(201).extract().path("id");
            String job = Cadre.as(Cadre.inspector()).contentType("text/csv")
                    .body(("name,employer,post,community,phone,registeredOn\n" + importedName + "," + employer
                            + ",科长,DCY," + phone + ",2026-02-10\n,缺名,科长,DCY,,2026-02-10\n")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("/api/cadres/imports").then().statusCode(202).extract().path("id");

            CloudEvent report = GoldenComplaintEvents.submittedAboutAnOfficial();
            String record = Cadre.recordOf(report);
            Cadre.as(Tokens.informationOfficer("DCY")).body("{\"text\":\"" + entry + "\"}")
                    .post("/api/cadres/supervision").then().statusCode(201);
            String notice = Cadre.notice(official, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
            Cadre.as(Tokens.resident("DCY")).body("{\"text\":\"" + comment + "\",\"anonymous\":false}")
                    .post("/api/notices/" + notice + "/comments").then().statusCode(201);

            Cadre.as(Cadre.inspector()).post("/api/cadres/supervision/" + record + "/accept").then().statusCode(200);
            Cadre.as(Cadre.inspector()).body("{\"officialId\":\"" + official + "\"}")
                    .post("/api/cadres/supervision/" + record + "/link").then().statusCode(200);
            Cadre.as(Cadre.inspector()).body("{\"findings\":\"" + findings + "\"}")
                    .post("/api/cadres/supervision/" + record + "/findings").then().statusCode(200);
            Cadre.as(Cadre.inspector()).body("{\"disposition\":\"TALK_OR_INQUIRY\",\"summary\":\"" + summary
                    + "\",\"substantiated\":true}").post("/api/cadres/supervision/" + record + "/conclude")
                    .then().statusCode(200);

            String opinion = Cadre.as(Cadre.inspector()).body("{\"officialId\":\"" + official + "\",\"purpose\":\"拟提拔\"}")
                    .post("/api/cadres/opinions").then().statusCode(201).extract().path("id");
            Cadre.as(Cadre.staff()).body("{\"text\":\"" + draft + "\",\"citedEntryIds\":[]}")
                    .put("/api/cadres/opinions/" + opinion + "/draft").then().statusCode(200);
            Cadre.as(Cadre.head()).post("/api/cadres/opinions/" + opinion + "/issue").then().statusCode(200);
            Cadre.as(Cadre.inspector()).body("{\"reason\":\"结束\"}").post("/api/notices/" + notice + "/withdraw")
                    .then().statusCode(200);
            VertxContextSupport.subscribeAndAwait(() -> limits.sweep(Instant.now().plusSeconds(86_400L * 40)));
            await("import finished").atMost(Cadre.WAIT).untilAsserted(() -> Cadre.as(Cadre.inspector())
                    .get("/api/cadres/imports/" + job).then().body("status", equalTo("FINISHED")));
            await("the last event relayed").atMost(Cadre.WAIT).until(() -> TopicProbe.readToEnd(Topics.CADRE).stream()
                    .anyMatch(r -> notice.equals(r.key()) && r.value().contains("withdrawnAt")));

            for (String topic : List.of(Topics.CADRE, "lookout.cadre-registry-service.dlq")) {
                for (ConsumerRecord<String, String> published : TopicProbe.readToEnd(topic)) {
                    assertThat(published.key() + published.value() + published.headers()).as(topic)
                            .doesNotContain(secrets);
                }
            }
            assertThat(log.lines()).as("log lines").isNotEmpty().allSatisfy(line -> assertThat(line.message()
                    + (line.thrown() == null ? "" : line.thrown().toString())).doesNotContain(secrets));
            assertThat(GoldenEvents.reportId(report)).isNotBlank();
        }
    }
}
