package org.lookout.problem;

/**
 * What no text a caller sends may hold, wherever it comes from (a JSON string, a query parameter, a path segment):
 * NUL, which PostgreSQL refuses to store (the statement fails), and the other C0 control characters but tab, line
 * feed and carriage return, which no form field needs and which corrupt logs and CSV exports.
 */
final class TextRules {

    static final String CONTROL_CHARACTER = "must not contain control characters (U+0000 to U+001F other than tab,"
            + " line feed and carriage return)";

    private TextRules() {
    }

    /** The index of the first character the rule refuses, or -1. */
    static int firstControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    static boolean hasControlCharacter(CharSequence text) {
        return firstControlCharacter(text) >= 0;
    }
}
