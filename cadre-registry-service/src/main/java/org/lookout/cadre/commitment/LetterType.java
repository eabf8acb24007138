package org.lookout.cadre.commitment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a commitment letter may be — a scan as PDF, JPEG or PNG — judged by its first bytes (the signature of each
 * format), never by a file name or a declared content type (the idea of complaint-service's attachments).
 */
enum LetterType {
    PDF("application/pdf", "pdf", "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
    JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });

    final String mediaType;
    final String extension;
    private final byte[] signature;

    LetterType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    static Optional<LetterType> recognise(byte[] content) {
        return Arrays.stream(values()).filter(type -> content.length >= type.signature.length
                && Arrays.mismatch(content, 0, type.signature.length, type.signature, 0, type.signature.length) < 0)
                .findFirst();
    }

    static String extensionOf(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).map(type -> type.extension)
                .findFirst().orElse("bin");
    }
}
