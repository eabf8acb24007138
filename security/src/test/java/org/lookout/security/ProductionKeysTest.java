package org.lookout.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.security.ProductionKeys.Key;

import io.quarkus.runtime.LaunchMode;

class ProductionKeysTest {

    private static String fresh() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static Iterable<String> committed() {
        return ProductionKeys.COMMITTED;
    }

    @ParameterizedTest
    @MethodSource("committed")
    void refusesEveryCommittedKeyInProductionNamingTheVariable(String value) {
        assertThatThrownBy(() -> ProductionKeys.requireFresh(LaunchMode.NORMAL,
                new Key("LOOKOUT_PSEUDONYM_KEY", "lookout.notification.pseudonym-key", value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOOKOUT_PSEUDONYM_KEY (lookout.notification.pseudonym-key) is a key committed")
                .hasMessageNotContaining(value);
    }

    @Test
    void refusesAMissingOrShortKeyAndNamesEveryFault() {
        assertThatThrownBy(() -> ProductionKeys.requireFresh(LaunchMode.NORMAL,
                new Key("LOOKOUT_PSEUDONYM_KEY", "p", null),
                new Key("LOOKOUT_DELIVERY_KEY", "d", "  "),
                new Key("LOOKOUT_IDENTITY_KEY", "i", "c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOOKOUT_PSEUDONYM_KEY (p) is not set")
                .hasMessageContaining("LOOKOUT_DELIVERY_KEY (d) is not set")
                .hasMessageContaining("LOOKOUT_IDENTITY_KEY (i) is shorter than 32 characters")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void acceptsFreshKeysInProduction() {
        assertThatCode(() -> ProductionKeys.requireFresh(LaunchMode.NORMAL,
                new Key("LOOKOUT_PSEUDONYM_KEY", "p", fresh()), new Key("LOOKOUT_DELIVERY_KEY", "d", fresh())))
                .doesNotThrowAnyException();
    }

    @Test
    void checksNothingInTestsOrDevMode() {
        for (LaunchMode mode : new LaunchMode[] { LaunchMode.TEST, LaunchMode.DEVELOPMENT }) {
            assertThatCode(() -> ProductionKeys.requireFresh(mode,
                    new Key("LOOKOUT_PSEUDONYM_KEY", "p", "development-only-pseudonym-key"), new Key("X", "x", null)))
                    .doesNotThrowAnyException();
        }
    }

    static Iterable<String> committedClientSecrets() {
        return ProductionKeys.COMMITTED_CLIENT_SECRETS;
    }

    @ParameterizedTest
    @MethodSource("committedClientSecrets")
    void refusesEveryDevelopmentRealmClientSecretInProductionNamingThePropertyNotTheValue(String secret) {
        assertThatThrownBy(() -> ProductionKeys.refuseCommittedClientSecrets(LaunchMode.NORMAL, false,
                Map.of("kafka.sasl.oauthbearer.client.credentials.client.secret", " " + secret + " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.sasl.oauthbearer.client.credentials.client.secret is a client secret"
                        + " of the development realm")
                .hasMessageNotContaining(secret);
    }

    @Test
    void acceptsTheDevelopmentRealmsSecretsOnlyInTheDevelopmentStackTestsAndDevMode() {
        Map<String, String> development = Map.of("quarkus.keycloak.admin-client.client-secret", "lookout-roster-secret");
        assertThatCode(() -> ProductionKeys.refuseCommittedClientSecrets(LaunchMode.NORMAL, true, development))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionKeys.refuseCommittedClientSecrets(LaunchMode.TEST, false, development))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionKeys.refuseCommittedClientSecrets(LaunchMode.DEVELOPMENT, false, development))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionKeys.refuseCommittedClientSecrets(LaunchMode.NORMAL, false,
                Map.of("quarkus.keycloak.admin-client.client-secret", fresh())))
                .doesNotThrowAnyException();
    }

    /** The list is the realm's: a client added to the development realm with a committed secret is refused too. */
    @Test
    void theRefusedClientSecretsAreExactlyThoseOfTheDevelopmentRealm() throws Exception {
        String realm = Files.readString(Path.of("../deploy/keycloak/lookout-realm.json"));
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(realm);
        Set<String> inRealm = new TreeSet<>();
        while (secret.find()) {
            inRealm.add(secret.group(1));
        }
        assertThat(inRealm).isNotEmpty().isEqualTo(new TreeSet<>(ProductionKeys.COMMITTED_CLIENT_SECRETS));
    }
}
