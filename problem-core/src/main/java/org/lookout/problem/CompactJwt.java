package org.lookout.problem;

/**
 * The shape of a compact JWT (RFC 7515 §7.1, RFC 7516 §7.1): parts of base64url characters separated by dots. A scan,
 * not a regular expression: it runs on every request with a token (at the gateway the expression was a fifth of such a
 * request's CPU, in a service a few per cent).
 */
public final class CompactJwt {

    /** The base64url alphabet, by character (ASCII only). */
    private static final boolean[] BASE64URL = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            BASE64URL[c] = true;
            BASE64URL[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            BASE64URL[c] = true;
        }
        BASE64URL['-'] = true;
        BASE64URL['_'] = true;
    }

    private CompactJwt() {
    }

    /**
     * True when the token is exactly {@code parts} parts of base64url characters, the first {@code nonEmpty} of them
     * not empty (a signed JWT: 3 and 3; a JWE leaves its second part empty).
     */
    public static boolean shaped(String token, int parts, int nonEmpty) {
        int part = 1;
        int length = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if ((part <= nonEmpty && length == 0) || ++part > parts) {
                    return false;
                }
                length = 0;
            } else if (c < 128 && BASE64URL[c]) {
                length++;
            } else {
                return false;
            }
        }
        return part == parts && (part > nonEmpty || length > 0);
    }
}
