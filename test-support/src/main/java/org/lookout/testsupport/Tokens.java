package org.lookout.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;
import org.lookout.security.Roles;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for every Lookout role, signed with the private key whose public half the mock OIDC server
 * ({@code io.quarkus.test.oidc.server.OidcWiremockTestResource}) publishes as key {@code "1"}, so a service
 * under test verifies them exactly as it verifies Keycloak's.
 * <p>
 * Roles go into {@code realm_access.roles} (as Keycloak writes them) and into {@code groups}; scope claims
 * {@code community}, {@code street} and {@code agency} as in docs/conventions.md.
 */
public final class Tokens {

    /** What services check in {@code aud}. */
    public static final String AUDIENCE = "lookout-api";
    /** The issuer the mock OIDC server announces in its discovery document. */
    public static final String ISSUER = System.getProperty("quarkus.test.oidc.token.issuer", "https://server.example.com");
    /** The key id under which the mock OIDC server publishes the verification key. */
    public static final String KEY_ID = "1";


    private static final Duration DEFAULT_LIFESPAN = Duration.ofHours(1);

    private Tokens() {
    }

    /** Subject {@code resident-1} in the given community. */
    public static String resident(String community) {
        return resident("resident-1", community);
    }

    public static String resident(String subject, String community) {
        return builder().subject(subject).roles(Roles.RESIDENT).community(community).sign();
    }

    public static String lookout(String community) {
        return builder().subject("lookout-1").roles(Roles.LOOKOUT).community(community).sign();
    }

    public static String staff(String community) {
        return builder().subject("staff-1").roles(Roles.STAFF).community(community).sign();
    }

    public static String supervisor(String street) {
        return builder().subject("supervisor-1").roles(Roles.SUPERVISOR).street(street).sign();
    }

    public static String inspector() {
        return builder().subject("inspector-1").roles(Roles.INSPECTOR).sign();
    }

    /** Subject {@code inspector-1}, scoped by the {@code street} claim to these streets (a JSON array, as Keycloak writes it). */
    public static String inspectorOf(String... streets) {
        return builder().subject("inspector-1").roles(Roles.INSPECTOR).streets(streets).sign();
    }

    /** Subject {@code lookout-2}: a lookout of the community with the {@code informationOfficer} attribute. */
    public static String informationOfficer(String community) {
        return builder().subject("lookout-2").roles(Roles.LOOKOUT).community(community).informationOfficer().sign();
    }

    /** Subject {@code head-1}: staff of the community with the {@code communityHead} attribute. */
    public static String communityHead(String community) {
        return builder().subject("head-1").roles(Roles.STAFF).community(community).communityHead().sign();
    }

    public static String admin() {
        return builder().subject("admin-1").roles(Roles.ADMIN).sign();
    }

    /** A client-credentials token of an agency's service account, e.g. {@code agency("PSB-DCY")}. */
    public static String agency(String agencyCode) {
        return builder()
                .subject("service-account-agency-" + agencyCode)
                .clientId("agency-" + agencyCode)
                .roles(Roles.AGENCY)
                .agency(agencyCode)
                .sign();
    }

    /** An admin token that expired an hour ago: must be refused with 401. */
    public static String expired() {
        return builder().subject("admin-1").roles(Roles.ADMIN).expired().sign();
    }

    /** An admin token issued for another API: must be refused with 401. */
    public static String wrongAudience() {
        return builder().subject("admin-1").roles(Roles.ADMIN).audience("another-api").sign();
    }

    /** An admin token with key id "1" but signed by a key nobody published: must be refused with 401. */
    public static String forged() {
        return builder().subject("admin-1").roles(Roles.ADMIN).signWithUnknownKey();
    }

    /**
     * {@code Authorization} values that name the Bearer scheme but carry no JWT at all (dot-only, too few or too many
     * parts, not base64url, empty): every service must answer each with a 401 problem, never a 500. For
     * {@code @MethodSource("org.lookout.testsupport.Tokens#malformedBearerHeaders")}.
     */
    public static List<String> malformedBearerHeaders() {
        return List.of("Bearer ..", "Bearer .", "Bearer ...", "bearer ..", "Bearer", "Bearer a.b", "Bearer garbage",
                "Bearer !!!.@@@.###", "Bearer a.b.c.d", "Bearer e30.bm90anNvbg.c", "Bearer ü.ü.ü");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private String subject = "user-1";
        private final Set<String> roles = new LinkedHashSet<>();
        private final Set<String> audience = new LinkedHashSet<>(Set.of(AUDIENCE));
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String issuer = ISSUER;
        private String clientId;
        private Instant issuedAt;
        private Duration lifespan = DEFAULT_LIFESPAN;

        private Builder() {
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Replaces the roles. */
        public Builder roles(String... roles) {
            this.roles.clear();
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Builder community(String community) {
            return claim("community", community);
        }

        public Builder street(String street) {
            return claim("street", street);
        }

        /** Several streets (a district inspector) as a JSON array; one street stays an array of one. */
        public Builder streets(String... streets) {
            return claim("street", List.of(streets));
        }

        /** The realm attribute {@code informationOfficer} (干部监督信息员), as the realm's mapper writes it: a boolean. */
        public Builder informationOfficer() {
            return claim("informationOfficer", true);
        }

        /** The realm attribute {@code communityHead}, as the realm's mapper writes it: a boolean. */
        public Builder communityHead() {
            return claim("communityHead", true);
        }

        public Builder agency(String agencyCode) {
            return claim("agency", agencyCode);
        }

        /** Replaces the audience ({@value Tokens#AUDIENCE} by default). */
        public Builder audience(String... audience) {
            this.audience.clear();
            this.audience.addAll(List.of(audience));
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The {@code azp} claim: the OIDC client the token was issued to. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Any further claim; a {@code null} value removes it. */
        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        /** Valid from now for this long (one hour by default). */
        public Builder expiresIn(Duration lifespan) {
            this.issuedAt = null;
            this.lifespan = lifespan;
            return this;
        }

        /** Issued two hours ago, expired one hour ago. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.lifespan = Duration.ofHours(1);
            return this;
        }

        public String sign() {
            return claims().jws().keyId(KEY_ID).sign(SigningKeys.MOCK_SERVER);
        }

        /** Signs with a key nobody published, under the published key id: the signature does not verify. */
        public String signWithUnknownKey() {
            return claims().jws().keyId(KEY_ID).sign(SigningKeys.UNKNOWN);
        }

        private JwtClaimsBuilder claims() {
            Instant issued = issuedAt != null ? issuedAt : Instant.now();
            JwtClaimsBuilder jwt = Jwt.claims()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .issuedAt(issued)
                    .expiresAt(issued.plus(lifespan))
                    .preferredUserName(subject)
                    .claim("typ", "Bearer")
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                    .groups(roles);
            if (clientId != null) {
                jwt.claim("azp", clientId);
            }
            claims.forEach(jwt::claim);
            return jwt;
        }
    }

    /** Loaded on first use, so that this class can be touched without the OIDC test server on the classpath. */
    private static final class SigningKeys {

        /** Shipped inside quarkus-test-oidc-server; OidcWiremockTestResource signs its own tokens with it. */
        static final PrivateKey MOCK_SERVER = readPrivateJwk("privateKey.jwk");
        static final PrivateKey UNKNOWN = generate();

        private static PrivateKey readPrivateJwk(String resource) {
            try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the classpath: add io.quarkus:quarkus-test-oidc-server");
                }
                JsonWebKey jwk = JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return ((RsaJsonWebKey) jwk).getRsaPrivateKey();
            } catch (IOException | JoseException e) {
                throw new IllegalStateException("Could not read " + resource, e);
            }
        }

        private static PrivateKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
