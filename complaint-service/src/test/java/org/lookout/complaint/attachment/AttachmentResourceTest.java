package org.lookout.complaint.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.complaint.RawHttp;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class AttachmentResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FILER = "photo-filer";
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-', '1', '.', '7' };
    private static final byte[] ELF = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 };
    private static final byte[] PE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };

    @Test
    void theReporterAttachesAPhotoThatStaffDownloadWithItsStoredType() throws Exception {
        String id = filed();
        byte[] photo = file(PNG, 200_000);

        upload(Tokens.resident(FILER, "DCY"), id, "holiday.jpg", "image/jpeg", photo).statusCode(201)
                .body("mediaType", equalTo("image/png"))
                .body("size", equalTo(photo.length))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo))))
                .body("uploadedByRole", equalTo("resident"));
        String attachmentId = given().auth().oauth2(Tokens.staff("DCY")).get(attachments(id))
                .then().statusCode(200).body("size()", equalTo(1)).extract().path("[0].id");

        Response download = given().auth().oauth2(Tokens.staff("DCY")).get(attachments(id) + "/" + attachmentId);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // a reporter's photo (their home, their street) is never kept by a cache, like the same photo in a case file
        assertThat(download.header("Cache-Control")).contains("no-store");
        assertThat(download.asByteArray()).isEqualTo(photo);
    }

    @Test
    void theTypeIsJudgedByTheBytesNotByTheNameOrDeclaredType() {
        String id = filed();
        String staff = Tokens.staff("DCY");

        upload(staff, id, "scan.bin", "application/octet-stream", file(PDF, 1000)).statusCode(201)
                .body("mediaType", equalTo("application/pdf"));
        upload(staff, id, "photo.jpg", "image/jpeg", file(JPEG, 1000)).statusCode(201)
                .body("mediaType", equalTo("image/jpeg"));
        for (byte[] executable : new byte[][] { ELF, PE }) {
            upload(staff, id, "photo.jpg", "image/jpeg", file(executable, 1000)).statusCode(415).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("file"));
        }
        upload(staff, id, "empty.png", "image/png", new byte[0]).statusCode(415)
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(staff).get(attachments(id)).then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void aFileOverFiveMegabytesIsA413NamingTheFile() {
        String id = filed();

        upload(Tokens.staff("DCY"), id, "big.jpg", "image/jpeg", file(JPEG, 5 * 1024 * 1024 + 1)).statusCode(413)
                .contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        upload(Tokens.staff("DCY"), id, "huge.jpg", "image/jpeg", file(JPEG, 7 * 1024 * 1024)).statusCode(413)
                .contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        upload(Tokens.staff("DCY"), id, "limit.jpg", "image/jpeg", file(JPEG, 5 * 1024 * 1024)).statusCode(201);
    }

    @Test
    void aReportTakesAtMostFiveAttachments() {
        String id = filed();
        for (int i = 0; i < 5; i++) {
            upload(Tokens.staff("DCY"), id, "p" + i + ".jpg", "image/jpeg", file(JPEG, 100)).statusCode(201);
        }

        upload(Tokens.staff("DCY"), id, "p5.jpg", "image/jpeg", file(JPEG, 100)).statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void concurrentUploadsNeverGoPastFive() throws Exception {
        String id = filed();
        String staff = Tokens.staff("DCY");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> upload(staff, id, "c.jpg", "image/jpeg", file(JPEG, 100))
                        .extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
            assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(staff).get(attachments(id)).then().statusCode(200).body("size()", equalTo(5));
    }

    @Test
    void onlyThoseWhoMaySeeTheReportUploadListAndDownload() {
        String id = filed();
        String attachmentId = upload(Tokens.resident(FILER, "DCY"), id, "a.png", "image/png", file(PNG, 100))
                .statusCode(201).extract().path("id");
        for (String outsider : new String[] { Tokens.resident("someone-else", "DCY"), Tokens.staff("DCN"),
                Tokens.supervisor("OTHERJD"), Tokens.inspector(), Tokens.agency("police-dcy") }) {
            upload(outsider, id, "b.png", "image/png", file(PNG, 100)).statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(outsider).get(attachments(id)).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(outsider).get(attachments(id) + "/" + attachmentId).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.supervisor("DCYJD")).get(attachments(id) + "/" + attachmentId)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.staff("DCY")).get(attachments(filed()) + "/" + attachmentId)
                .then().statusCode(404).contentType(PROBLEM);
        given().multiPart("file", "a.png", file(PNG, 100), "image/png").post(attachments(id))
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aMissingFilePartIsAProblemNamingIt() {
        given().auth().oauth2(Tokens.staff("DCY")).multiPart("photo", "a.png", file(PNG, 100), "image/png")
                .post(attachments(filed()))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
    }

    @Test
    void anIdempotencyKeyNeitherBlocksNorBreaksAnUpload() {
        String id = filed();

        given().auth().oauth2(Tokens.staff("DCY")).header("Idempotency-Key", "upload-1")
                .multiPart("file", "a.png", file(PNG, 300_000), "image/png").post(attachments(id))
                .then().statusCode(201).body("size", equalTo(300_000));
        given().auth().oauth2(Tokens.staff("DCY")).header("Idempotency-Key", "upload-1")
                .multiPart("file", "b.png", file(PNG, 1000), "image/png").post(attachments(id))
                .then().statusCode(201).body("size", equalTo(1000));
    }

    /** A request complete by its length whose multipart body is not: a 400 problem, not the parser's 500. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "ends before its closing boundary, cut-here, false",
            "has another boundary than declared, other, true" })
    void aMultipartBodyThatEndsEarlyIsA400Problem(String what, String declared, boolean closed) throws IOException {
        String id = filed();
        byte[] body = RawHttp.multipart("cut-here", "file", "a.png", file(PNG, 20_000), closed);

        String answer = RawHttp.exchange(RawHttp.concat("POST " + attachments(id) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.staff("DCY") + "\r\nContent-Type: multipart/form-data; boundary="
                + declared + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body));

        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: " + PROBLEM)
                .contains("the multipart body ends before its closing boundary");
        given().auth().oauth2(Tokens.staff("DCY")).get(attachments(id))
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsA400ProblemNamingTheFile() throws IOException {
        String id = filed();
        byte[] body = RawHttp.multipart("cut-here", "file", "a.png", file(PNG, 20_000), true);

        String answer = RawHttp.exchange(RawHttp.concat("POST " + attachments(id) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.staff("DCY") + "\r\nContent-Type: multipart/form-data\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body));

        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: " + PROBLEM)
                .contains("\"field\":\"file\"");
    }

    private static String filed() {
        return submit(Tokens.resident(FILER, "DCY"), report()).statusCode(201).extract().path("id");
    }

    private static String attachments(String id) {
        return "/api/complaints/" + id + "/attachments";
    }

    private static ValidatableResponse upload(String token, String id, String name, String type, byte[] content) {
        return given().auth().oauth2(token).multiPart("file", name, content, type).post(attachments(id)).then();
    }

    /** {@code size} bytes starting with {@code magic}, the rest random. */
    private static byte[] file(byte[] magic, int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        System.arraycopy(magic, 0, content, 0, Math.min(magic.length, size));
        return content;
    }
}
