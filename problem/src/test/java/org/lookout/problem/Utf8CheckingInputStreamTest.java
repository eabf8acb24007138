package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckingInputStreamTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "41", // A
            "00", // NUL is well-formed UTF-8: refusing it is the text rule's business
            "c2a9", // ©
            "e6a5bc", // 楼
            "efbbbf7b7d", // byte-order mark, {}
            "ed9fbf", // U+D7FF, just below the surrogates
            "ee8080", // U+E000, just above them
            "f09f9880", // 😀
            "f48fbfbf", // U+10FFFF
    })
    void wellFormedBytesPassThrough(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(new Utf8CheckingInputStream(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(bytes);
        assertThat(Utf8Check.isWellFormed(bytes)).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "c080, overlong NUL",
            "c1bf, overlong DEL",
            "e080af, overlong slash",
            "f08282ac, overlong euro sign",
            "eda080, high surrogate",
            "edbfbf, low surrogate",
            "f4908080, above U+10FFFF",
            "f5808080, lead byte F5",
            "ff, byte FF",
            "80, stray continuation byte",
            "c241, missing continuation byte",
            "e6a5, cut short at the end",
    })
    void malformedBytesFail(String hex, String what) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThatThrownBy(() -> new Utf8CheckingInputStream(new ByteArrayInputStream(bytes)).readAllBytes())
                .isInstanceOf(MalformedUtf8Exception.class);
        assertThatThrownBy(() -> readByteByByte(bytes)).isInstanceOf(MalformedUtf8Exception.class);
        assertThat(Utf8Check.isWellFormed(bytes)).isFalse();
    }

    private static void readByteByByte(byte[] bytes) throws IOException {
        try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes))) {
            while (in.read() >= 0) {
                // read through
            }
        }
    }
}
