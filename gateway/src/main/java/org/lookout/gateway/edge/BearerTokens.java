package org.lookout.gateway.edge;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells whether an {@code Authorization} header that names the Bearer scheme carries something shaped like a signed
 * JWT (three base64url parts). Anything else is refused at the edge with a 401 before the token parser sees it: a
 * malformed token must be an authentication failure, never an internal error.
 */
public final class BearerTokens {

    /** Far above any token Keycloak issues (a few kB), far below the 20 kB header limit. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern SIGNED_JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
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
        return token.isEmpty() || token.length() > MAX_LENGTH || !SIGNED_JWT.matcher(token).matches();
    }

    private static boolean namesBearer(String header) {
        String trimmed = header.trim();
        return trimmed.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (trimmed.length() == SCHEME.length() || Character.isWhitespace(trimmed.charAt(SCHEME.length())));
    }
}
