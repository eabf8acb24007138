package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows, on the real stack through the gateway: guessing an
 * anonymous report's tracking secret is bounded per client (a handful of lookups a minute, then 429 with
 * {@code Retry-After}; one 404 for an unknown code and a wrong secret alike, so a guess learns nothing), the bucket
 * refills, and public intake cannot be driven without a solved proof-of-work challenge. (The per-address and
 * per-community intake caps and the Open311 per-key cap are proven by the gateway's PublicIntakeLimitsTest and
 * KeyRateLimitTest: exhausting them here would lock the other system tests out for ten minutes.)
 */
class OwaspApi6SensitiveFlowsIT {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @Test
    void guessingATrackingSecretIsBoundedPerClientAndTheBucketRefills() {
        Response limited = null;
        int answered = 0;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response answer = given().header("X-Tracking-Secret", "guess-" + i)
                    .get("/api/complaints/track/AAAA" + String.format("%04d", i));
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(404);
                answered++;
            }
        }
        assertThat(limited).as("429 within 30 guesses").isNotNull();
        assertThat(answered).isLessThanOrEqualTo(5);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // the bucket refills (one lookup per 12 s): the other system tests find it open again
        Awaitility.await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(5))
                .until(() -> given().get("/api/complaints/track/ZZZZ0000").statusCode() == 404);
    }

    @Test
    void anUnknownCodeAndAWrongSecretAnswerAlike() {
        Response unknown = given().header("X-Tracking-Secret", "x").get("/api/complaints/track/QQQQ1111");
        Response noSecret = given().get("/api/complaints/track/QQQQ2222");
        if (unknown.statusCode() == 429 || noSecret.statusCode() == 429) {
            return; // the bucket of the test above is still empty: its own assertions cover this client
        }
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(noSecret.statusCode()).isEqualTo(404);
        assertThat(unknown.jsonPath().getString("type")).isEqualTo(noSecret.jsonPath().getString("type"));
    }

    @Test
    void publicIntakeNeedsASolvedChallengeAtTheServiceToo() {
        // directly at complaint-service (the gateway's intake bucket is small and shared with the other tests)
        Response answer = given().baseUri(LiveServices.named("complaint").url()).contentType("application/json")
                .body("""
                        {"itemCode":"corridor-lighting","title":"owasp","description":"owasp probe",
                         "communityCode":"DCY","location":{"address":"3号楼"},"altcha":"eyJmb28iOiJiYXIifQ=="}""")
                .post("/api/public/reports");
        assertThat(answer.statusCode()).as(answer.asString()).isBetween(400, 422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.asString()).contains("altcha");
    }
}
