package org.lookout.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void theLogNeverHoldsAnAddressOrANumber() {
        assertThat(Redaction.of("550 5.1.1 <zhang.san@example.cn>: user unknown"))
                .isEqualTo("550 5.1.1 <<address>>: user unknown");
        assertThat(Redaction.of("gateway refused +86 138-0013-8000 (quota)")).isEqualTo("gateway refused <number> (quota)");
        assertThat(Redaction.of("HTTP 500")).isEqualTo("HTTP 500");
        assertThat(Redaction.of("x".repeat(500))).hasSize(241);
        assertThat(Redaction.of(null)).isNull();
    }
}
