package org.lookout.gateway;

import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Tokens signed with the key that {@code OidcWiremockTestResource} publishes (issuer
 * {@code https://server.example.com}, key id 1), for the audience the gateway checks.
 */
public final class TestTokens {

    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "lookout-api";

    private TestTokens() {
    }

    public static String resident(String subject) {
        return Jwt.preferredUserName(subject).subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .groups(Set.of("resident")).claim("community", "DCY")
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String forOtherAudience(String subject) {
        return Jwt.preferredUserName(subject).subject(subject).issuer(ISSUER).audience("another-api")
                .groups(Set.of("resident")).jws().keyId("1").sign("privateKey.jwk");
    }

    public static String expired(String subject) {
        return Jwt.preferredUserName(subject).subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .groups(Set.of("resident")).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk");
    }

    /** A well-formed token whose signature does not match its content. */
    public static String tampered(String subject) {
        String token = resident(subject);
        String[] parts = token.split("\\.");
        String otherPayload = resident(subject + "-x").split("\\.")[1];
        return parts[0] + "." + otherPayload + "." + parts[2];
    }
}
