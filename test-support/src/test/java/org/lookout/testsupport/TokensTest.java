package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/** Verifies minted tokens with the public key the mock OIDC server publishes, as a service would. */
class TokensTest {

    private static final JwtConsumer SERVICE = new JwtConsumerBuilder()
            .setVerificationKey(publishedKey().getRsaPublicKey())
            .setExpectedIssuer("https://server.example.com")
            .setExpectedAudience("lookout-api")
            .setRequireExpirationTime()
            .setRequireSubject()
            .build();

    @Test
    void residentTokenCarriesRoleInBothClaimsAndItsCommunity() throws Exception {
        String token = Tokens.resident("DCY");

        JwtClaims claims = SERVICE.processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("resident-1");
        assertThat(claims.getAudience()).containsExactly("lookout-api");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("resident");
        assertThat(claims.getClaimValue("realm_access", Map.class)).isEqualTo(Map.of("roles", List.of("resident")));
        assertThat(claims.getStringClaimValue("community")).isEqualTo("DCY");
        assertThat(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue()).isEqualTo("1");
        assertThat(JsonWebStructure.fromCompactSerialization(token).getAlgorithmHeaderValue()).isEqualTo("RS256");
    }

    @Test
    void everyRoleHasItsScopeClaim() throws Exception {
        assertThat(SERVICE.processToClaims(Tokens.resident("resident-7", "DCY")).getSubject()).isEqualTo("resident-7");
        assertThat(SERVICE.processToClaims(Tokens.lookout("DCY")).getStringClaimValue("community")).isEqualTo("DCY");
        assertThat(SERVICE.processToClaims(Tokens.staff("DCY")).getStringListClaimValue("groups")).containsExactly("staff");
        assertThat(SERVICE.processToClaims(Tokens.supervisor("DCYJD")).getStringClaimValue("street")).isEqualTo("DCYJD");
        assertThat(SERVICE.processToClaims(Tokens.inspector()).getStringListClaimValue("groups")).containsExactly("inspector");
        assertThat(SERVICE.processToClaims(Tokens.admin()).getStringListClaimValue("groups")).containsExactly("admin");
        JwtClaims agency = SERVICE.processToClaims(Tokens.agency("PSB-DCY"));
        assertThat(agency.getStringClaimValue("agency")).isEqualTo("PSB-DCY");
        assertThat(agency.getStringClaimValue("azp")).isEqualTo("agency-PSB-DCY");
        assertThat(agency.getStringListClaimValue("groups")).containsExactly("agency");
    }

    @Test
    void inspectorsCarryTheirStreetsAsAnArrayAndTheAttributesAreBooleans() throws Exception {
        assertThat(SERVICE.processToClaims(Tokens.inspectorOf("DCYJD", "XHMJD")).getStringListClaimValue("street"))
                .containsExactly("DCYJD", "XHMJD");
        JwtClaims officer = SERVICE.processToClaims(Tokens.informationOfficer("DCY"));
        assertThat(officer.getClaimValue("informationOfficer")).isEqualTo(true);
        assertThat(officer.getStringListClaimValue("groups")).containsExactly("lookout");
        assertThat(officer.getStringClaimValue("community")).isEqualTo("DCY");
        JwtClaims head = SERVICE.processToClaims(Tokens.communityHead("DCY"));
        assertThat(head.getClaimValue("communityHead")).isEqualTo(true);
        assertThat(head.getStringListClaimValue("groups")).containsExactly("staff");
    }

    @Test
    void builderSetsWhatItIsTold() throws Exception {
        JwtClaims claims = SERVICE.processToClaims(Tokens.builder()
                .subject("staff-9").roles("staff", "lookout").community("DCY").expiresIn(Duration.ofMinutes(5)).sign());

        assertThat(claims.getStringListClaimValue("groups")).containsExactly("staff", "lookout");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
    }

    @Test
    void negativeTokensAreRefused() {
        assertThatThrownBy(() -> SERVICE.processToClaims(Tokens.expired()))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("no longer valid");
        assertThatThrownBy(() -> SERVICE.processToClaims(Tokens.wrongAudience()))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("Audience");
        assertThatThrownBy(() -> SERVICE.processToClaims(Tokens.forged()))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("signature");
    }

    private static RsaJsonWebKey publishedKey() {
        try (InputStream in = TokensTest.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
