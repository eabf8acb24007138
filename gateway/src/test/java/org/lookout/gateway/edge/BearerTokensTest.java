package org.lookout.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ..", "Bearer", "Bearer   ", "bearer a.b", "BEARER a..c", "Bearer a.b.c.d",
            "Bearer !!!.@@@.###", "Bearer %%%", "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer a.b.c=", "Bearer a b c"})
    void a_bearer_header_without_a_signed_jwt_is_malformed(String header) {
        assertThat(BearerTokens.malformed(List.of(header))).isTrue();
    }

    @Test
    void a_token_longer_than_any_issued_is_malformed() {
        String huge = "a".repeat(BearerTokens.MAX_LENGTH) + ".b.c";
        assertThat(BearerTokens.malformed(List.of("Bearer " + huge))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + JWT, "bearer " + JWT, "Bearer  " + JWT + " "})
    void a_signed_jwt_is_well_formed(String header) {
        assertThat(BearerTokens.malformed(List.of(header))).isFalse();
    }

    @Test
    void other_schemes_and_no_header_are_left_to_the_route() {
        assertThat(BearerTokens.malformed(List.of())).isFalse();
        assertThat(BearerTokens.malformed(List.of("Basic YWxpY2U6c2VjcmV0"))).isFalse();
        assertThat(BearerTokens.malformed(List.of("BearerX " + JWT))).isFalse();
    }

    @Test
    void two_authorization_headers_with_a_bearer_one_are_malformed() {
        assertThat(BearerTokens.malformed(List.of("Bearer " + JWT, "Bearer " + JWT))).isTrue();
        assertThat(BearerTokens.malformed(List.of("Basic YWxpY2U6c2VjcmV0", "Bearer " + JWT))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT})
    void the_canonical_form_gives_the_token(String header) {
        assertThat(BearerTokens.canonicalToken(List.of(header))).isEqualTo(JWT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer  " + JWT, "Bearer " + JWT + " ", " Bearer " + JWT, "Bearer\t" + JWT,
            "BearerX " + JWT, "Basic YWxpY2U6c2VjcmV0", "Bearer ", "Bearer", "Bearer a.b", "Bearer " + JWT + ".d"})
    void any_other_form_gives_no_token_so_the_framework_verifies_it(String header) {
        assertThat(BearerTokens.canonicalToken(List.of(header))).isNull();
    }

    @Test
    void two_headers_or_none_give_no_token() {
        assertThat(BearerTokens.canonicalToken(List.of())).isNull();
        assertThat(BearerTokens.canonicalToken(List.of("Bearer " + JWT, "Bearer " + JWT))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", "A-_.0-9.zZ_", JWT})
    void three_base64url_parts_are_a_signed_jwt(String token) {
        assertThat(BearerTokens.isSignedJwt(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a.b", "a.b.", ".b.c", "a..c", "a.b.c.d", "a.b.c=", "a.b.c ", "a+b.c.d",
            "ü.ü.ü", "a.b/c.d", "a.b.\u0000"})
    void anything_else_is_not(String token) {
        assertThat(BearerTokens.isSignedJwt(token)).isFalse();
    }
}
