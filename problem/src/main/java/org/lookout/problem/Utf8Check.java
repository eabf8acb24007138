package org.lookout.problem;

/**
 * Checks bytes as they come against well-formed UTF-8 (RFC 3629, table 3-7 of Unicode): no overlong forms (so
 * {@code C0 80} is not a disguised NUL), no surrogates, nothing above U+10FFFF, no stray or missing continuation byte.
 */
final class Utf8Check {

    private long offset;
    private int pending;
    private int lowest = 0x80;
    private int highest = 0xBF;

    /** Takes the next byte; false when it cannot continue well-formed UTF-8. */
    boolean accept(int b) {
        offset++;
        if (pending > 0) {
            if (b < lowest || b > highest) {
                return false;
            }
            pending--;
            lowest = 0x80;
            highest = 0xBF;
            return true;
        }
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            lowest = b == 0xE0 ? 0xA0 : 0x80;
            highest = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            lowest = b == 0xF0 ? 0x90 : 0x80;
            highest = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        return true;
    }

    /** True when the bytes so far end on a character boundary. */
    boolean complete() {
        return pending == 0;
    }

    /** How many bytes were taken, the refused one included. */
    long offset() {
        return offset;
    }

    /** Whether {@code bytes} are well-formed UTF-8 as a whole. */
    static boolean isWellFormed(byte[] bytes) {
        Utf8Check check = new Utf8Check();
        for (byte b : bytes) {
            if (!check.accept(b & 0xFF)) {
                return false;
            }
        }
        return check.complete();
    }
}
