package org.lookout.cadre;

import java.nio.charset.StandardCharsets;

/** Commitment letters as the tests send them: a tiny real PDF, a PNG signature, a program renamed to .pdf. */
public final class Letters {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    public static final byte[] PROGRAM = "MZ\u0090\u0000\u0003 this is not a letter".getBytes(StandardCharsets.ISO_8859_1);

    private Letters() {
    }

    /** Files the letter for the official as inspector-1; answers the response's status. */
    public static int file(String officialId, byte[] content) {
        return io.restassured.RestAssured.given().auth().oauth2(Cadre.inspector())
                .multiPart("file", "letter.pdf", content, "application/pdf").multiPart("signedOn", "2026-02-10")
                .post("/api/cadres/" + officialId + "/commitment").then().extract().statusCode();
    }
}
