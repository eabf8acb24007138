package org.lookout.gateway.edge;

import java.util.List;

import org.lookout.problem.CompactJwt;

/**
 * Tells whether an {@code Authorization} header that names the Bearer scheme carries something shaped like a signed
 * JWT (three base64url parts). Anything else is refused at the edge with a 401 before the token parser sees it: a
 * malformed token must be an authentication failure, never an internal error.
 */
public final class BearerTokens {

    /** Far above any token Keycloak issues (a few kB), far below the 20 kB header limit. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final String SCHEME = "bearer";

    private BearerTokens() {
    }

    /** True when the request's Authorization headers name the Bearer scheme but carry no well-formed token. */
    public static boolean malformed(List<String> authorizationHeaders) {
        if (authorizationHeaders.isEmpty()) {
            return false;
        }
        if (authorizationHeaders.size() > 1) {
            // which one a service would read is anyone's guess
            return authorizationHeaders.stream().anyMatch(BearerTokens::namesBearer);
        }
        String header = authorizationHeaders.get(0).trim();
        if (!namesBearer(header)) {
            return false;
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() || token.length() > MAX_LENGTH || !isSignedJwt(token);
    }

    /**
     * The token of a request whose one Authorization header is exactly {@code Bearer <signed JWT>} (the scheme in any
     * case, one space, nothing after the token): the form in which this string is what quarkus-oidc verifies. Any
     * other form: null (the request goes through the framework's verification, never through the cache of verified
     * tokens).
     */
    public static String canonicalToken(List<String> authorizationHeaders) {
        if (authorizationHeaders.size() != 1) {
            return null;
        }
        String header = authorizationHeaders.get(0);
        int start = SCHEME.length() + 1;
        if (header.length() <= start || header.length() - start > MAX_LENGTH
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        String token = header.substring(start);
        return isSignedJwt(token) ? token : null;
    }

    /** Three non-empty parts of base64url characters separated by two dots: a compact JWS. */
    static boolean isSignedJwt(String token) {
        return CompactJwt.shaped(token, 3, 3);
    }

    private static boolean namesBearer(String header) {
        String trimmed = header.trim();
        return trimmed.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (trimmed.length() == SCHEME.length() || Character.isWhitespace(trimmed.charAt(SCHEME.length())));
    }
}
