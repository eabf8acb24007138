package org.lookout.complaint.publicintake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.complaint.config.MovableClock;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.ServiceDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Reports from the public without an account: a solved challenge files one report, answered with its tracking code and
 * secret; a missing, forged, unsolved, expired or replayed challenge is a 4xx problem naming {@code altcha}; photos come
 * along within their limits; nothing about the sender is stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class PublicIntakeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String USER_AGENT = "PublicIntakeTest-Agent/7.3 (probe 9f41c2)";
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 5, 6, 7, 8 };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3 };
    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-', '1', '.', '7' };

    @Inject
    MovableClock clock;

    @Inject
    PublicIntakeService service;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aSolvedChallengeFilesAnAnonymousReportAnsweredWithItsTrackingCodeAndSecretOnce() {
        var created = post(PublicReports.solvedReport("noise", "DCY")).statusCode(201)
                .header("Cache-Control", "no-store").header("Location", org.hamcrest.Matchers.containsString("/api/complaints/track/"))
                .body("status", equalTo("RECEIVED")).body("itemCode", equalTo("noise"))
                .body("trackingNumber", startsWith("DCY-")).extract();
        String code = created.path("trackingCode");
        String secret = created.path("trackingSecret");

        given().header("X-Tracking-Secret", secret).get("/api/complaints/track/{code}", code).then().statusCode(200)
                .body("trackingNumber", equalTo(created.path("trackingNumber")));
        given().header("X-Tracking-Secret", secret + "x").get("/api/complaints/track/{code}", code).then()
                .statusCode(404);
    }

    @Test
    void nothingAboutTheSenderIsStoredWithTheReport() {
        String trackingNumber = post(PublicReports.solvedReport("noise", "DCY")).statusCode(201).extract()
                .path("trackingNumber");

        String row = ServiceDatabase.of("complaint").strings("select row_to_json(r)::text from report r"
                + " where tracking_number = ?", trackingNumber).getFirst();
        assertThat(row).contains("\"filed_by_ref\":null", "\"filed_by_role\":\"public\"", "\"channel\":\"WEB\"",
                "\"anonymous\":true").doesNotContain(USER_AGENT, "127.0.0.1", "localhost", "PublicIntakeTest");
        String id = ServiceDatabase.of("complaint").strings("select id::text from report where tracking_number = ?",
                trackingNumber).getFirst();
        assertThat(ComplaintDatabase.number("select count(*) from report_history where report_id = ?::uuid"
                + " and actor_role <> 'public'", id)).isZero();
        assertThat(ComplaintDatabase.number("select count(*) from reporter_identity where report_id = ?::uuid", id))
                .isZero();
        assertThat(ComplaintDatabase.number("select count(*) from outbox_event where partition_key = ?"
                + " and (payload like '%reporterRef%' or payload like ?)", id, "%" + USER_AGENT + "%")).isZero();
        assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_SUBMITTED)).isEqualTo(1);
    }

    @Test
    void aMissingForgedOrUnsolvedChallengeIsA400NamingTheField() {
        post(PublicReports.report("noise", "DCY", null)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("altcha"));
        ProofOfWork.Challenge forged = new ProofOfWork("a-key-that-is-not-the-services-key-at-all")
                .issue("DCY", Instant.now().plusSeconds(300), 10);
        post(PublicReports.report("noise", "DCY", ProofOfWork.payload(forged, ProofOfWork.solve(forged))))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("altcha"))
                .body("detail", equalTo("altcha: was not issued by this service"));
        ProofOfWork.Challenge real = PublicReports.challenge("DCY");
        long wrong = (ProofOfWork.solve(real) + 1) % (real.maxnumber() + 1);
        post(PublicReports.report("noise", "DCY", ProofOfWork.payload(real, wrong))).statusCode(400)
                .body("errors[0].field", equalTo("altcha"));
        post(PublicReports.report("noise", "XHY", PublicReports.solved("DCY"))).statusCode(400)
                .body("errors[0].field", equalTo("altcha"));
        assertThat(ComplaintDatabase.number("select count(*) from report where filed_by_role = 'public'"
                + " and community_code = 'XHY'")).isZero();
    }

    @Test
    void aChallengeIsUsedOnceAndAReplayIsA409() {
        String body = PublicReports.solvedReport("noise", "DCY");

        post(body).statusCode(201);
        post(body).statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("altcha"));
    }

    @Test
    void anExpiredChallengeIsRefusedAndSpentOnesAreForgottenOnceExpired() throws Throwable {
        String body = PublicReports.solvedReport("noise", "DCY");
        String used = PublicReports.solvedReport("noise", "DCY");
        post(used).statusCode(201);

        clock.set(Instant.now().plus(Duration.ofMinutes(6)));
        post(body).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("altcha"))
                .body("detail", org.hamcrest.Matchers.containsString("expired"));

        assertThat(ComplaintDatabase.number("select count(*) from used_challenge")).isPositive();
        VertxContextSupport.subscribeAndAwait(() -> service.purge());
        assertThat(ComplaintDatabase.number("select count(*) from used_challenge where expires_at < ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(6))))).isZero();
    }

    @Test
    void photosComeAlongWithinTheirLimits() {
        String created = given().header("User-Agent", USER_AGENT)
                .multiPart("report", PublicReports.solvedReport("sanitation", "DCY"), "application/json")
                .multiPart("photo", "a.png", PNG, "image/png").multiPart("photo", "b.jpg", JPEG, "image/jpeg")
                .post("/api/public/reports").then().statusCode(201).body("photos", equalTo(2)).extract()
                .path("trackingNumber");
        assertThat(ComplaintDatabase.number("select count(*) from report_attachment a join report r on r.id ="
                + " a.report_id where r.tracking_number = ? and a.uploaded_by_ref = 'public'"
                + " and a.uploaded_by_role = 'public'", created)).isEqualTo(2);

        withPhotos(List.of(PNG, PDF)).statusCode(415).contentType(PROBLEM).body("errors[0].field", equalTo("photo"));
        withPhotos(List.of(PNG, PNG, PNG, PNG)).statusCode(400).body("errors[0].field", equalTo("photo"));
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        withPhotos(List.of(large)).statusCode(413).contentType(PROBLEM).body("errors[0].field", equalTo("photo"));
        given().multiPart("photo", "a.png", PNG, "image/png").post("/api/public/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("report"));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        byte[] huge = new byte[7 * 1024 * 1024 + 512];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);

        given().multiPart("report", PublicReports.report("noise", "DCY", "AAAA"), "application/json")
                .multiPart("photo", "huge.png", huge, "image/png").post("/api/public/reports").then()
                .statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void itemsAboutOfficialsAndUnknownCommunitiesAreNotTakenHere() {
        post(PublicReports.solvedReport("cadre-conduct", "DCY")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("itemCode"));
        post(PublicReports.report("no-such-item", "DCY", PublicReports.solved("DCY"))).statusCode(422)
                .body("errors[0].field", equalTo("itemCode"));
        given().queryParam("community", "NOPE").get("/api/public/challenge").then().statusCode(404)
                .contentType(PROBLEM);
        given().get("/api/public/challenge").then().statusCode(400).body("errors[0].field", equalTo("community"));
        given().queryParam("community", "dcy; drop").get("/api/public/challenge").then().statusCode(400);
    }

    @Test
    void badReportFieldsAreProblemsNamingTheField() {
        String body = PublicReports.solvedReport("noise", "DCY").replace("\"title\":", "\"headline\":");
        post(body).statusCode(400).contentType(PROBLEM);
        post(PublicReports.report("noise", "DCY", PublicReports.solved("DCY")).replaceFirst("\"title\":\"[^\"]*\"",
                "\"title\":\"\"")).statusCode(400).body("errors.field", hasItem("title"));
        given().multiPart("report", "{not json", "application/json").post("/api/public/reports").then()
                .statusCode(400).contentType(PROBLEM);
    }

    private static ValidatableResponse post(String body) {
        return given().header("User-Agent", USER_AGENT).contentType(ContentType.JSON).body(body)
                .post("/api/public/reports").then();
    }

    private static ValidatableResponse withPhotos(List<byte[]> photos) {
        var request = given().multiPart("report", PublicReports.solvedReport("sanitation", "DCY"), "application/json");
        int i = 0;
        for (byte[] photo : photos) {
            request.multiPart("photo", "p" + i++ + ".bin", photo, "application/octet-stream");
        }
        return request.post("/api/public/reports").then();
    }
}
