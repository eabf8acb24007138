package org.lookout.complaint.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AttachmentTypeTest {

    @Test
    void jpegPngAndPdfAreRecognisedByTheirFirstBytes() {
        assertThat(AttachmentType.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
                .contains(AttachmentType.JPEG);
        assertThat(AttachmentType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
                .contains(AttachmentType.PNG);
        assertThat(AttachmentType.of("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.PDF);
    }

    @Test
    void executablesScriptsAndTruncatedHeadersAreNot() {
        assertThat(AttachmentType.of(new byte[] { 0x7F, 'E', 'L', 'F' })).isEmpty();
        assertThat(AttachmentType.of(new byte[] { 'M', 'Z', (byte) 0x90, 0 })).isEmpty();
        assertThat(AttachmentType.of("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isEmpty();
        assertThat(AttachmentType.of(new byte[0])).isEmpty();
    }
}
