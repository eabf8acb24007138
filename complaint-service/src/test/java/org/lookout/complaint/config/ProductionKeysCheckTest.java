package org.lookout.complaint.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.security.ProductionKeys;

import io.quarkus.runtime.LaunchMode;

/** The public intake's ALTCHA key is checked at start-up in production like every other key of the service. */
class ProductionKeysCheckTest {

    private static String fresh() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "short-challenge-key",
            // committed: docker-compose.yml's fallback, the %dev and the %test value of application.properties
            "lookout-local-development-challenge-key", "development-only-challenge-key-not-a-secret",
            "test-only-challenge-key-not-a-secret-either" })
    void productionRefusesAMissingShortOrCommittedChallengeKey(String challengeKey) {
        assertThatThrownBy(() -> ProductionKeys.requireFresh(LaunchMode.NORMAL,
                ProductionKeysCheck.keys(fresh(), fresh(), Map.of("1", fresh()), challengeKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOOKOUT_CHALLENGE_KEY (lookout.complaint.public-intake.challenge-key)");
    }

    @Test
    void productionStartsWithFreshKeys() {
        assertThatCode(() -> ProductionKeys.requireFresh(LaunchMode.NORMAL,
                ProductionKeysCheck.keys(fresh(), fresh(), Map.of("1", fresh()), fresh())))
                .doesNotThrowAnyException();
    }
}
