package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = { "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudC0xIn0.c2lnbmF0dXJl", "a.b.c", "e30.e30.",
            "eyJhbGciOiJSU0EtT0FFUCJ9..iv.ciphertext.tag" })
    void compactJwtsGoOnToTheOidcLayer(String token) {
        assertThat(BearerTokenSyntax.wellFormed(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", "..", "...", ".a.b", "a.b", "garbage", "a.b.c.d", "a b.c.d", "a.b.c=", "ü.ü.ü",
            "a.b.c.d.e.f" })
    void anythingElseIsNoToken(String token) {
        assertThat(BearerTokenSyntax.wellFormed(token)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer x", "bearer x", "BEARER\tx", "Bearer" })
    void theSchemeIsReadCaseInsensitively(String authorization) {
        assertThat(BearerTokenSyntax.isBearer(authorization)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Basic abc", "Bearerx", "DPoP x" })
    void otherSchemesAreLeftAlone(String authorization) {
        assertThat(BearerTokenSyntax.isBearer(authorization)).isFalse();
    }
}
