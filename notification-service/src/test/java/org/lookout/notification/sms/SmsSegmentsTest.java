package org.lookout.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @ParameterizedTest(name = "{0} × {1} -> {2} segments")
    @CsvSource({
            "楼, 70, 1", "楼, 71, 2", "楼, 134, 2", "楼, 135, 3", "楼, 201, 3", "楼, 202, 4",
            "a, 160, 1", "a, 161, 2", "a, 306, 2", "a, 307, 3" })
    void countsAsTheNetworkDoes(String character, int times, int segments) {
        SmsSegments counted = SmsSegments.of(character.repeat(times));

        assertThat(counted.segments()).isEqualTo(segments);
        assertThat(counted.encoding()).isEqualTo(character.equals("a") ? SmsSegments.GSM : SmsSegments.UCS2);
    }

    @Test
    void chineseIsCountedByCharacterNotByByte() {
        String text = "您的反映已受理，编号 DCY-2026-000123。";

        assertThat(SmsSegments.of(text).units()).isEqualTo(text.length()).isLessThan(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(SmsSegments.of(text).segments()).isEqualTo(1);
    }

    @Test
    void anEmojiTakesTwoAndIsNeverSplit() {
        String text = "灯".repeat(69) + "💡";

        assertThat(SmsSegments.of(text).units()).isEqualTo(71);
        assertThat(SmsSegments.of(text).segments()).isEqualTo(2);
        String cut = SmsSegments.fit("💡".repeat(40), 1);
        assertThat(cut).endsWith("…");
        assertThat(cut.codePoints().filter(cp -> cp == "💡".codePointAt(0)).count()).isEqualTo(34);
        assertThat(SmsSegments.of(cut).segments()).isEqualTo(1);
    }

    @Test
    void gsmExtensionCharactersTakeTwo() {
        assertThat(SmsSegments.of("€".repeat(80)).units()).isEqualTo(160);
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void fitCutsToTheSegmentsAllowedWithAnEllipsis() {
        String long_ = "楼道灯坏了".repeat(40);

        String cut = SmsSegments.fit(long_, 2);

        assertThat(SmsSegments.of(cut).segments()).isEqualTo(2);
        assertThat(cut).endsWith("…").hasSize(134);
        assertThat(SmsSegments.fit("short", 1)).isEqualTo("short");
    }
}
