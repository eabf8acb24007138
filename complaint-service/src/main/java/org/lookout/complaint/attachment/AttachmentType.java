package org.lookout.complaint.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a report accepts, recognised by their first bytes (magic numbers) — a name or a declared content
 * type is whatever the sender wants it to be, an executable renamed {@code .jpg} included.
 */
public enum AttachmentType {
    JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
    PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' });

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    AttachmentType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<AttachmentType> of(byte[] content) {
        return Arrays.stream(values())
                .filter(type -> content.length >= type.magic.length
                        && Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length))
                .findFirst();
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}
