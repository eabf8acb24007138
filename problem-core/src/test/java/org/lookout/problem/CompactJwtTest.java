package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactJwtTest {

    @Test
    void aSignedJwtHasThreeNonEmptyParts() {
        assertThat(CompactJwt.shaped("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_", 3, 3)).isTrue();
        assertThat(CompactJwt.shaped("a.b.c", 3, 3)).isTrue();
        assertThat(CompactJwt.shaped("a.b.", 3, 3)).as("no signature").isFalse();
        assertThat(CompactJwt.shaped("a..c", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped(".b.c", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("a.b", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("a.b.c.d", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("", 3, 3)).isFalse();
    }

    @Test
    void onlyTheLeadingPartsAskedForMustBeNonEmpty() {
        assertThat(CompactJwt.shaped("e30.e30.", 3, 1)).isTrue();
        assertThat(CompactJwt.shaped("e30..", 3, 1)).isTrue();
        assertThat(CompactJwt.shaped("..", 3, 1)).isFalse();
        assertThat(CompactJwt.shaped("hdr..iv.ciphertext.tag", 5, 1)).isTrue();
        assertThat(CompactJwt.shaped("hdr..iv.ciphertext.tag", 3, 1)).isFalse();
    }

    @Test
    void anythingButBase64urlAndDotsIsNoJwt() {
        assertThat(CompactJwt.shaped("a.b.c=", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("a.b+.c", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("a b.c.d", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("ü.ü.ü", 3, 3)).isFalse();
        assertThat(CompactJwt.shaped("a.b.c\n", 3, 3)).isFalse();
    }
}
