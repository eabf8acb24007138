package org.lookout.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lookout.security.tokens.RememberedIdentities;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The security library's remembered identities in a real application with signed tokens (decision 0010): a token is
 * verified by quarkus-oidc once, its next requests are answered from what that verification produced, and nothing a
 * verification would refuse gets through.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class RememberedTokensTest {

    @Inject
    RememberedIdentities remembered;

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemoryWithTheSameIdentity() {
        String token = Tokens.builder().subject("remembered-1").roles("staff").community("DCY").sign();
        long hits = remembered.hits();

        whoAmI(token).body("subject", equalTo("remembered-1")).body("roles", hasItem("staff"))
                .body("community", equalTo("DCY"));
        assertThat(remembered.hits()).as("the first request is verified by quarkus-oidc").isEqualTo(hits);

        whoAmI(token).body("subject", equalTo("remembered-1")).body("roles", hasItem("staff"))
                .body("community", equalTo("DCY"));
        given().auth().oauth2(token).get("/whoami/caller").then().statusCode(200)
                .body("actingRole", equalTo("staff")).body("community", equalTo("DCY"));
        assertThat(remembered.hits()).as("the next ones are answered from memory").isEqualTo(hits + 2);
        given().auth().oauth2(token).get("/whoami/admin").then().statusCode(403);
    }

    @Test
    void aRememberedIdentityBelongsToTheRequestInHand() {
        String token = Tokens.builder().subject("remembered-2").roles("resident").community("DCY").sign();

        given().auth().oauth2(token).header("X-Probe", "first").get("/whoami/request").then().statusCode(200)
                .body(equalTo("first"));
        long hits = remembered.hits();
        given().auth().oauth2(token).header("X-Probe", "second").get("/whoami/request").then().statusCode(200)
                .body(equalTo("second"));
        assertThat(remembered.hits()).isEqualTo(hits + 1);
    }

    @Test
    void aTokenThatDiffersInOneCharacterIsVerifiedAndRefused() {
        String token = Tokens.builder().subject("remembered-3").roles("admin").sign();
        whoAmI(token);
        whoAmI(token);
        String[] parts = token.split("\\.");
        String signature = parts[2];
        int middle = signature.length() / 2;
        String altered = signature.substring(0, middle) + (signature.charAt(middle) == 'A' ? 'B' : 'A')
                + signature.substring(middle + 1);
        long hits = remembered.hits();

        given().auth().oauth2(parts[0] + "." + parts[1] + "." + altered).get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.builder().subject("remembered-3").roles("admin").signWithUnknownKey())
                .get("/whoami").then().statusCode(401);
        assertThat(remembered.hits()).isEqualTo(hits);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        whoAmI(Tokens.staff("DCY")); // the application's first verification is slow: not on the short-lived token's time
        String token = Tokens.builder().subject("remembered-4").roles("staff").community("DCY")
                .expiresIn(Duration.ofSeconds(6)).sign();
        whoAmI(token);
        long hits = remembered.hits();
        whoAmI(token);
        assertThat(remembered.hits()).as("remembered while it is valid").isEqualTo(hits + 1);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get("/whoami").then().statusCode(401));
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        int size = remembered.size();
        given().auth().oauth2(Tokens.expired()).get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.wrongAudience()).get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.forged()).get("/whoami").then().statusCode(401);
        assertThat(remembered.size()).isEqualTo(size);
    }

    private static io.restassured.response.ValidatableResponse whoAmI(String token) {
        return given().auth().oauth2(token).get("/whoami").then().statusCode(200);
    }
}
