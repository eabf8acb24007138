package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Keycloak's brute-force protection is on in the realm: after five wrong passwords an account is locked for a while,
 * so the right password is refused too and guessing is impractical. The realm's {@code lockout-probe} account exists
 * for this test only (no other test signs in with it, so locking it disturbs nobody).
 */
class BruteForceIT {

    private static final String USER = "lockout-probe";

    @Test
    void fiveWrongPasswordsLockTheAccountSoTheRightOneIsRefusedToo() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            Response wrong = signIn("wrong-password-" + attempt);
            assertThat(wrong.statusCode()).as("wrong password, attempt %d", attempt).isIn(400, 401);
            assertThat(wrong.jsonPath().getString("access_token")).isNull();
        }

        Response right = signIn(Stack.DEMO_PASSWORD);

        assertThat(right.statusCode()).as("the right password while locked out").isIn(400, 401);
        assertThat(right.jsonPath().getString("error")).isEqualTo("invalid_grant");
        assertThat(right.jsonPath().getString("access_token")).isNull();
    }

    private static Response signIn(String password) {
        return given().baseUri(Stack.KEYCLOAK)
                .formParams(Map.of("grant_type", "password", "client_id", "lookout-app", "username", USER,
                        "password", password))
                .post("/realms/lookout/protocol/openid-connect/token");
    }
}
