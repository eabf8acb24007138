package org.lookout.cadre.official;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.Letters;

import io.quarkus.test.junit.QuarkusTest;

/** Commitment letters: PDF, JPEG or PNG judged by their bytes, at most 5 MB, read back only by inspectors. */
@QuarkusTest
@CadreTestResources
class CommitmentResourceTest {

    @Test
    void aPdfIsFiledWithItsDigestAndReadBackAsADownload() throws Exception {
        String id = Cadre.official();

        given().auth().oauth2(Cadre.staff()).multiPart("file", "承诺书.pdf", Letters.PDF, "application/pdf")
                .multiPart("signedOn", "2026-02-10").post("/api/cadres/" + id + "/commitment")
                .then().statusCode(201).body("mediaType", equalTo("application/pdf"))
                .body("size", equalTo(Letters.PDF.length))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Letters.PDF))));

        byte[] back = Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/commitment/file").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment"))
                .extract().asByteArray();
        assertThat(back).isEqualTo(Letters.PDF);
        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/commitment").then().statusCode(200)
                .body("signedOn", equalTo("2026-02-10"));
    }

    @Test
    void aPngNamedPdfIsAPngAndAProgramNamedPdfIsRefused() {
        String id = Cadre.official();

        assertThat(Letters.file(id, Letters.PNG)).isEqualTo(201);
        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/commitment").then().body("mediaType",
                equalTo("image/png"));
        given().auth().oauth2(Cadre.inspector()).multiPart("file", "letter.pdf", Letters.PROGRAM, "application/pdf")
                .multiPart("signedOn", "2026-02-10").post("/api/cadres/" + id + "/commitment")
                .then().statusCode(415).contentType(Cadre.PROBLEM).body("errors.field", hasItem("file"));
    }

    @Test
    void overFiveMegabytesIsA413AndTheDayOfSigningIsRequired() {
        String id = Cadre.official();
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Letters.PDF, 0, large, 0, Letters.PDF.length);

        given().auth().oauth2(Cadre.inspector()).multiPart("file", "letter.pdf", large, "application/pdf")
                .multiPart("signedOn", "2026-02-10").post("/api/cadres/" + id + "/commitment")
                .then().statusCode(413).contentType(Cadre.PROBLEM).body("errors.field", hasItem("file"));
        given().auth().oauth2(Cadre.inspector()).multiPart("file", "letter.pdf", Letters.PDF, "application/pdf")
                .post("/api/cadres/" + id + "/commitment")
                .then().statusCode(400).body("errors.field", hasItem("signedOn"));
        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/commitment").then().statusCode(404);
    }
}
