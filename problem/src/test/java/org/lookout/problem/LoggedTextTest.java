package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedTextTest {

    @Test
    void controlCharactersAndLineSeparatorsAreWrittenOut() {
        assertThat(LoggedText.of("/a\r\n12:00 ERROR forged\u0000\u2028x\u0085"))
                .isEqualTo("/a\\u000D\\u000A12:00 ERROR forged\\u0000\\u2028x\\u0085");
    }

    @Test
    void everythingElseIsLeftAsItIs() {
        assertThat(LoggedText.of("/api/complaints/楼栋%0d%0a?x=1 2")).isEqualTo("/api/complaints/楼栋%0d%0a?x=1 2");
        assertThat(LoggedText.of(null)).isNull();
    }
}
