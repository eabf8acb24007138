package org.lookout.cadre.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LetterTypeTest {

    @Test
    void aLetterIsJudgedByItsFirstBytes() {
        assertThat(LetterType.recognise("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(LetterType.PDF);
        assertThat(LetterType.recognise(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
                .contains(LetterType.JPEG);
        assertThat(LetterType.recognise(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 }))
                .contains(LetterType.PNG);
        assertThat(LetterType.recognise("MZ\u0090\u0000 a renamed program".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
        assertThat(LetterType.recognise("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(LetterType.extensionOf("application/pdf")).isEqualTo("pdf");
    }
}
