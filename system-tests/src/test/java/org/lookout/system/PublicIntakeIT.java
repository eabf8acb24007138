package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The public's way in and the integrators' documents, through the running gateway: an anonymous report without an
 * account (challenge, proof of work as a browser does it, report, tracking), a replayed challenge refused; the event
 * catalogue and the merged OpenAPI with the new routes.
 */
class PublicIntakeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void someoneWithoutAnAccountFilesAReportWithAProofOfWorkAndFollowsItWithTheSecret() throws Exception {
        JsonPath challenge = given().queryParam("community", "DCY").get("/api/public/challenge").then()
                .statusCode(200).extract().jsonPath();
        String body = JSON.writeValueAsString(Map.of("itemCode", "noise", "title", "Drilling every night",
                "description", "Somebody drills after midnight in building 5 — system test", "communityCode", "DCY",
                "location", Map.of("address", "东朝阳路南社区 5号楼", "building", "5-2"),
                "altcha", solve(challenge)));

        JsonPath receipt = given().contentType(ContentType.JSON).body(body).post("/api/public/reports").then()
                .statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
        given().contentType(ContentType.JSON).body(body).post("/api/public/reports").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("altcha"));

        given().header("X-Tracking-Secret", receipt.getString("trackingSecret"))
                .get("/api/complaints/track/{code}", receipt.getString("trackingCode")).then().statusCode(200)
                .body("trackingNumber", equalTo(receipt.getString("trackingNumber")))
                .body("status", equalTo("RECEIVED"));
        given().contentType(ContentType.JSON).body(body.replaceFirst("\"altcha\":\"[^\"]*\"", "\"altcha\":\"\""))
                .post("/api/public/reports").then().statusCode(400).body("errors.field", org.hamcrest.Matchers
                        .hasItem("altcha"));
    }

    @Test
    void theEventCatalogueIsServedBesideTheOpenApiDocs() {
        given().get("/asyncapi.yaml").then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(containsString("lookout.agency.{agencyCode}.v1"));
        given().get("/docs/events").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("lookout.escalation.informed.v1"));
        JsonPath merged = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(merged.getMap("paths")).containsKeys("/api/escalations/{id}/case", "/api/public/reports",
                "/api/public/challenge", "/api/escalations/inform");
        List<String> unrouted = merged.getList("x-lookout-gateway.unroutedPaths", String.class);
        assertThat(unrouted == null ? List.<String>of() : unrouted).noneMatch(path -> path.contains("/case")
                || path.contains("/api/public") || path.contains("/inform"));
    }

    /** What an ALTCHA widget does: try 0, 1, 2, … until SHA-256(salt + n) is the challenge; send base64 JSON. */
    private static String solve(JsonPath challenge) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // read once: each JsonPath lookup is a Groovy evaluation, and 100,000 of them took minutes
        String salt = challenge.getString("salt");
        String expected = challenge.getString("challenge");
        long maxNumber = challenge.getLong("maxnumber");
        for (long n = 0; n <= maxNumber; n++) {
            String hash = HexFormat.of().formatHex(sha256.digest((salt + n).getBytes(StandardCharsets.UTF_8)));
            if (hash.equals(expected)) {
                String solution = JSON.writeValueAsString(Map.of("algorithm", "SHA-256", "challenge", hash,
                        "number", n, "salt", salt, "signature", challenge.getString("signature")));
                return Base64.getEncoder().encodeToString(solution.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no number up to maxnumber solves the challenge");
    }
}
