package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aFormBodyWithABrokenEscapeIsBadInputNotAFault() {
        assertThat(ProblemMappers.isUndecodableForm(
                new IllegalArgumentException("Failed to decode URL %zz to ISO-8859-1"))).isTrue();
        assertThat(ProblemMappers.isUndecodableForm(new IllegalArgumentException("some other bug"))).isFalse();
        assertThat(ProblemMappers.isUndecodableForm(new IllegalStateException("Failed to decode URL"))).isFalse();
    }
}
