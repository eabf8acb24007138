package org.lookout.problem;

/**
 * Text a caller chose, made safe for one log line: control characters (CR and LF above all, which would start a
 * forged line) and the Unicode line separators are written as {@code \\uXXXX}, so a log line is always one line.
 */
public final class LoggedText {

    private LoggedText() {
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04X", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
