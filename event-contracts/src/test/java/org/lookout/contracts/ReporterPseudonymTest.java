package org.lookout.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReporterPseudonymTest {

    @Test
    void isTheKeyedHmacOfTheSubject() {
        // computed independently: python3 hmac.new(b'sample-key-0123456789', b'resident-1', sha256), base64url
        assertThat(ReporterPseudonym.of("sample-key-0123456789", "resident-1"))
                .isEqualTo("rp1_QPpvLvGYbEmFApPaBMC7cEFdNQ3KFefVibTTl8LzpnM");
    }

    @Test
    void differsByKeyAndBySubjectAndNeverContainsTheSubject() {
        String one = ReporterPseudonym.of("key-number-one-0000", "resident-1");

        assertThat(one).doesNotContain("resident");
        assertThat(ReporterPseudonym.of("key-number-two-0000", "resident-1")).isNotEqualTo(one);
        assertThat(ReporterPseudonym.of("key-number-one-0000", "resident-2")).isNotEqualTo(one);
    }

    /** Each thread keeps its keyed Mac: calls in a row, and a key changed and changed back, give what a fresh one gives. */
    @Test
    void aKeptMacGivesTheSameAsAFreshOne() {
        String expected = "rp1_QPpvLvGYbEmFApPaBMC7cEFdNQ3KFefVibTTl8LzpnM";
        assertThat(ReporterPseudonym.of("sample-key-0123456789", "resident-1")).isEqualTo(expected);
        assertThat(ReporterPseudonym.of("sample-key-0123456789", "resident-1")).isEqualTo(expected);
        assertThat(ReporterPseudonym.of("sample-key-0123456789", "resident-2")).isNotEqualTo(expected);
        ReporterPseudonym.of("another-key-0123456789", "resident-1");
        assertThat(ReporterPseudonym.of("sample-key-0123456789", "resident-1")).isEqualTo(expected);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> ReporterPseudonym.of("short", "resident-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
