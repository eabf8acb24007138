package org.lookout.problem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a raw URI component strictly: every {@code %} must start two hex digits and the bytes must be well-formed
 * UTF-8. Empty when it is not (the lenient decoders of the stack would turn it into U+FFFD or a disguised NUL).
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    public static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        byte[] decoded = bytes.toByteArray();
        return Utf8Check.isWellFormed(decoded) ? Optional.of(new String(decoded, StandardCharsets.UTF_8))
                : Optional.empty();
    }
}
