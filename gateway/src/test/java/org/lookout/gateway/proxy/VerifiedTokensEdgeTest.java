package org.lookout.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.lookout.gateway.proxy.EdgeAuthenticationTest.seenBy;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** A token verified once is remembered at the edge; what it remembers never opens more than the token itself. */
@QuarkusTest
@GatewayTestResources
class VerifiedTokensEdgeTest {

    @Inject
    EdgeRouter router;

    @ConfigProperty(name = "lookout.gateway.upstreams.cadre-registry-service.url")
    String cadreRegistry;

    @Test
    void a_verified_token_is_remembered_for_its_caller_and_still_forwarded_unchanged() {
        String token = Tokens.resident("verified-once", "DCY");
        assertThat(router.verifiedTokens().get(token)).isNull();

        given().auth().oauth2(token).when().get("/api/cadres/1").then().statusCode(200);
        assertThat(router.verifiedTokens().get(token)).isEqualTo("sub:verified-once");

        long before = seenBy(cadreRegistry);
        given().auth().oauth2(token).when().get("/api/cadres/2")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
        assertThat(seenBy(cadreRegistry)).isEqualTo(before + 1);
    }

    @Test
    void a_remembered_token_is_refused_once_it_expires() {
        // the realm's keys are fetched on the first verification: not within the short token's life
        given().auth().oauth2(Tokens.resident("warm-up", "DCY")).when().get("/api/cadres/1").then().statusCode(200);
        String token = Tokens.builder().subject("short-lived").roles("resident").expiresIn(Duration.ofSeconds(5)).sign();
        given().auth().oauth2(token).when().get("/api/cadres/1").then().statusCode(200);
        assertThat(router.verifiedTokens().get(token)).isEqualTo("sub:short-lived");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertRefusedAtTheEdge(token));
        assertThat(router.verifiedTokens().get(token)).isNull();
    }

    @Test
    void a_token_differing_from_a_remembered_one_only_in_its_signature_is_verified_and_refused() {
        String token = Tokens.resident("signed-once", "DCY");
        given().auth().oauth2(token).when().get("/api/cadres/1").then().statusCode(200);
        String otherSignature = Tokens.forged().split("\\.")[2];
        String[] parts = token.split("\\.");
        String resigned = parts[0] + "." + parts[1] + "." + otherSignature;

        assertRefusedAtTheEdge(resigned);
        assertThat(router.verifiedTokens().get(resigned)).isNull();
    }

    @Test
    void a_remembered_caller_is_limited_by_its_own_bucket() {
        // test-limited: 2 requests per bucket; a signed-in caller's bucket is its subject's, remembered or not
        String first = Tokens.resident("bucket-one", "DCY");
        given().auth().oauth2(first).when().get("/api/test-limited/a").then().statusCode(200);
        given().auth().oauth2(first).when().get("/api/test-limited/b").then().statusCode(200);
        assertThat(router.verifiedTokens().get(first)).isEqualTo("sub:bucket-one");
        given().auth().oauth2(first).when().get("/api/test-limited/c").then().statusCode(429);

        String second = Tokens.resident("bucket-two", "DCY");
        given().auth().oauth2(second).when().get("/api/test-limited/a").then().statusCode(200);
        given().auth().oauth2(second).when().get("/api/test-limited/b").then().statusCode(200);
    }

    /** A 401 problem from the gateway, and the service never saw the request. */
    private void assertRefusedAtTheEdge(String token) {
        long before = seenBy(cadreRegistry);
        given().auth().oauth2(token).when().get("/api/cadres/1")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(seenBy(cadreRegistry)).isEqualTo(before);
    }
}
