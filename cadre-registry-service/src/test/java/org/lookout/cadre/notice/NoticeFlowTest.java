package org.lookout.cadre.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** 三进社区: a notice in the official's community, comments inside its window become supervision information. */
@QuarkusTest
@CadreTestResources
class NoticeFlowTest {

    private static final String COMMENT = "该干部在小区长期占用消防通道停车";

    @Test
    void residentsOfTheCommunityReadTheNoticeCommentAndTheCommentBecomesSupervisionInformation() {
        String official = Cadre.official();
        String id = Cadre.notice(official, Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400));
        CloudEvent published = Cadre.event(id, EventType.CADRE_NOTICE_PUBLISHED);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_NOTICE_PUBLISHED, published.data());

        Cadre.as(Tokens.resident("DCY")).get("/api/notices").then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }", not(hasKey("officialId")))
                .body("find { it.id == '" + id + "' }.kind", equalTo("PRE_APPOINTMENT"));
        Cadre.as(Tokens.resident("DCN")).get("/api/notices").then().statusCode(200).body("id", not(hasItem(id)));
        Cadre.as(Tokens.resident("DCN")).get("/api/notices/" + id).then().statusCode(404);
        Cadre.as(Tokens.resident("DCN")).body("{\"text\":\"x\",\"anonymous\":true}").post("/api/notices/" + id
                + "/comments").then().statusCode(404);

        String code = Cadre.as(Tokens.resident("DCY")).body("{\"text\":\"" + COMMENT + "\",\"anonymous\":false}")
                .post("/api/notices/" + id + "/comments").then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("trackingCode");

        Cadre.as(Cadre.inspector()).get("/api/notices/" + id + "/comments").then().statusCode(400);
        Cadre.reading(Cadre.inspector()).get("/api/notices/" + id + "/comments").then().statusCode(200)
                .body("text", hasItem(COMMENT)).body("realName", hasItem(true));
        String record = Cadre.DATABASE.strings("select id::text from supervision_record where tracking_code = ?", code)
                .getFirst();
        Cadre.reading(Cadre.inspector()).get("/api/cadres/supervision/" + record).then().statusCode(200)
                .body("source", equalTo("NOTICE_COMMENT")).body("noticeId", equalTo(id));
        assertThat(Cadre.DATABASE.number("select count(*) from supervision_record where id = ?::uuid"
                + " and reporter_ref is null", record)).isEqualTo(1);
    }

    @Test
    void outsideTheWindowOrAfterAWithdrawalACommentIsAConflict() {
        String official = Cadre.official();
        String later = Cadre.notice(official, Instant.now().plusSeconds(86_400), Instant.now().plusSeconds(172_800));
        Cadre.as(Tokens.lookout("DCY")).body("{\"text\":\"x\",\"anonymous\":true}").post("/api/notices/" + later
                + "/comments").then().statusCode(409).contentType(Cadre.PROBLEM);

        String open = Cadre.openNotice();
        Cadre.as(Cadre.inspector()).body("{\"reason\":\"考察对象调整\"}").post("/api/notices/" + open + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("withdrawalReason", equalTo("考察对象调整"));
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_NOTICE_WITHDRAWN,
                Cadre.event(open, EventType.CADRE_NOTICE_WITHDRAWN).data());
        Cadre.as(Tokens.lookout("DCY")).body("{\"text\":\"x\",\"anonymous\":true}").post("/api/notices/" + open
                + "/comments").then().statusCode(409);
        Cadre.as(Cadre.inspector()).body("{\"reason\":\"again\"}").post("/api/notices/" + open + "/withdraw")
                .then().statusCode(409).body("from", equalTo("WITHDRAWN"));
        Cadre.as(Tokens.resident("DCY")).get("/api/notices").then().body("id", not(hasItem(open)));
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        Instant now = Instant.now();
        Cadre.as(Cadre.inspector()).body("""
                {"officialId":"%s","kind":"INSPECTION_PREVIEW","title":"考察预告","body":"x",
                 "windowStart":"%s","windowEnd":"%s"}""".formatted(Cadre.official(), now, now.minusSeconds(1)))
                .post("/api/notices").then().statusCode(400).body("errors.field", hasItem("windowEnd"));
    }
}
