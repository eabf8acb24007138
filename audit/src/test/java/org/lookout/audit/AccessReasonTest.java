package org.lookout.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.problem.ProblemException;

class AccessReasonTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  ", "\t" })
    void aReadWithoutAReasonIsA400NamingTheHeader(String header) {
        assertThatThrownBy(() -> AccessReason.require(header)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.toProblem(null, null).errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("X-Access-Reason")));
    }

    @Test
    void aReasonIsStrippedAndBounded() {
        assertThat(AccessReason.require("  promotion review 2026 ")).isEqualTo("promotion review 2026");
        assertThatThrownBy(() -> AccessReason.require("x".repeat(501))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> AccessReason.require("a\u0007b")).isInstanceOf(ProblemException.class);
        assertThat(AccessReason.optional(null)).isNull();
    }
}
