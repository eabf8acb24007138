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

    @Test
    void aReasonInChineseArrivesPercentEncodedOrAsRawUtf8Bytes() {
        String reason = "线索初核 50%";
        String encoded = java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String rawBytes = new String(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(AccessReason.require(encoded)).isEqualTo(reason);
        assertThat(AccessReason.require(rawBytes.replace("%", "%25"))).isEqualTo(reason);
        assertThatThrownBy(() -> AccessReason.require("%E7%BA")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> AccessReason.require("100%")).isInstanceOf(ProblemException.class);
    }
}
