package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OWASP API2:2023 Broken Authentication. Every kind of bad bearer token — forged with a key of our own (expired, not yet
 * valid, other issuer, wrong audience, a valid-looking one), {@code alg: none}, HS256 signed with the realm's public
 * key, a real Keycloak token with a changed payload, real Keycloak tokens of another realm, for another audience and
 * expired — is a 401 at the gateway (every route family) and at each service reached directly on 127.0.0.1; the same
 * request with a good token is not.
 */
class OwaspApi2AuthenticationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = Stack.KEYCLOAK + "/realms/lookout";
    private static final String SHORT_LIVED = "owasp-short-lived";

    /** Where a token is checked: the gateway's routes and each service directly; a protected GET each. */
    static List<Map.Entry<String, String>> targets() {
        List<Map.Entry<String, String>> targets = new ArrayList<>();
        Map<String, String> protectedGet = Map.of("complaint", "/api/complaints", "cadre", "/api/cadres",
                "escalation", "/api/escalations", "notification", "/api/notifications/unread-count");
        for (LiveServices.Service service : LiveServices.all()) {
            targets.add(Map.entry("gateway " + protectedGet.get(service.part()),
                    Stack.GATEWAY + protectedGet.get(service.part())));
            targets.add(Map.entry(service.part() + " directly", service.url() + protectedGet.get(service.part())));
        }
        return targets;
    }

    enum BadToken {
        FORGED_VALID_CLAIMS(() -> forged(claims -> { })),
        FORGED_EXPIRED(() -> forged(claims -> {
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(3600)
                    .getEpochSecond()));
            claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(4000)
                    .getEpochSecond()));
        })),
        FORGED_NOT_YET_VALID(() -> forged(claims -> claims.setNotBefore(
                org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().plusSeconds(3600).getEpochSecond())))),
        FORGED_WRONG_AUDIENCE(() -> forged(claims -> claims.setAudience("lookout-kafka"))),
        FORGED_OTHER_ISSUER(() -> forged(claims -> claims.setIssuer("https://evil.example/realms/lookout"))),
        ALG_NONE(() -> unsigned(Stack.token("staff1"))),
        HS256_WITH_THE_REALM_PUBLIC_KEY(() -> hs256WithPublicKey(Stack.token("staff1"))),
        REAL_TOKEN_PAYLOAD_TAMPERED(() -> tampered(Stack.token("resident1"))),
        REAL_TOKEN_SIGNATURE_STRIPPED(() -> stripped(Stack.token("staff1"))),
        REAL_TOKEN_OF_ANOTHER_REALM(RealmUsers::masterToken),
        REAL_TOKEN_FOR_ANOTHER_AUDIENCE(() -> RealmUsers.clientToken(Stack.KAFKA_TEST_CLIENT,
                Stack.developmentSecret(Stack.KAFKA_TEST_CLIENT))),
        REAL_TOKEN_EXPIRED(OwaspApi2AuthenticationIT::expired);

        private final Supplier<String> token;

        BadToken(Supplier<String> token) {
            this.token = token;
        }
    }

    private static final Map<BadToken, String> TOKENS = new java.util.EnumMap<>(BadToken.class);
    private static RsaJsonWebKey ourKey;
    private static String realmKid;
    private static PublicKey realmKey;

    @BeforeAll
    static void tokens() throws JoseException {
        ourKey = RsaJwkGenerator.generateJwk(2048);
        JsonWebKeySet realmKeys = new JsonWebKeySet(given().get(ISSUER + "/protocol/openid-connect/certs").asString());
        JsonWebKey signing = realmKeys.getJsonWebKeys().stream()
                .filter(key -> "RS256".equals(key.getAlgorithm()) && !"enc".equals(key.getUse()))
                .findFirst().orElseThrow();
        realmKid = signing.getKeyId();
        realmKey = (PublicKey) signing.getKey();
        for (BadToken kind : BadToken.values()) {
            TOKENS.put(kind, kind.token.get());
        }
    }

    static Stream<Arguments> badTokenAtEveryTarget() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, String> target : targets()) {
            for (BadToken kind : BadToken.values()) {
                cases.add(Arguments.of(target.getKey(), kind, target.getValue()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} → 401")
    @MethodSource("badTokenAtEveryTarget")
    void aBadTokenIs401(String where, BadToken kind, String url) {
        var response = given().auth().oauth2(TOKENS.get(kind)).accept("application/json").get(url);
        assertThat(response.statusCode()).as(where + " with " + kind + ": " + response.asString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Bearer");
        assertThat(response.asString()).doesNotContain("Exception", "\tat ", "jose4j", "io.quarkus");
    }

    static Stream<Arguments> everyTarget() {
        return targets().stream().map(target -> Arguments.of(target.getKey(), target.getValue()));
    }

    @ParameterizedTest(name = "{0}: the real token of staff1 → 200")
    @MethodSource("everyTarget")
    void theSameRequestWithAGoodTokenIsServed(String where, String url) {
        given().auth().oauth2(Stack.token("staff1")).accept("application/json").get(url)
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}: no token → 401 problem")
    @MethodSource("everyTarget")
    void noTokenIs401(String where, String url) {
        given().accept("application/json").get(url)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    // --- the tokens ---------------------------------------------------------------------------------------------

    private static String forged(java.util.function.Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("lookout-api");
        claims.setSubject("owasp-forged");
        claims.setClaim("azp", "lookout-app");
        claims.setClaim("preferred_username", "staff1");
        claims.setClaim("community", "DCY");
        claims.setClaim("realm_access", Map.of("roles", List.of("staff", "admin")));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(ourKey.getPrivateKey());
        // the realm's key id: a verifier that trusted the header would pick the realm's key and still must fail
        jws.setKeyIdHeaderValue(realmKid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(String real) {
        String[] parts = real.split("\\.");
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static String stripped(String real) {
        String[] parts = real.split("\\.");
        return parts[0] + "." + parts[1] + ".";
    }

    private static String hs256WithPublicKey(String real) {
        String[] parts = real.split("\\.");
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + realmKid + "\"}");
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(realmKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return header + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** resident1's real token, made admin and staff of DCY, its signature kept. */
    private static String tampered(String real) {
        String[] parts = real.split("\\.");
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            ArrayNode roles = ((ObjectNode) payload.path("realm_access")).putArray("roles");
            roles.add("admin").add("staff");
            payload.put("exp", Instant.now().plusSeconds(86400).getEpochSecond());
            return parts[0] + "." + base64(JSON.writeValueAsString(payload)) + "." + parts[2];
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token of a client of the realm whose tokens live 2 s, once it has expired. */
    private static String expired() {
        String secret = RealmUsers.shortLivedClient(SHORT_LIVED, 2);
        String token = RealmUsers.clientToken(SHORT_LIVED, secret);
        long exp = claim(token, "exp");
        // past its expiry and any leeway a verifier may grant (Quarkus OIDC allows none by default)
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().getEpochSecond() > exp + 5);
        return token;
    }

    private static long claim(String token, String name) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path(name).asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
