package org.lookout.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * A bearer credential that is not even shaped like a JWT (the only tokens the realm issues) is answered 401 before the
 * OIDC layer sees it: that layer fails with an internal error on some of them ({@code Bearer ..} and every other
 * dot-only string throw {@code NoSuchElementException} while it looks for the payload).
 */
public class BearerTokenSyntax {

    private static final String SCHEME = "Bearer";

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !isBearer(authorization.strip())) {
            return null; // none, or another scheme: the OIDC layer refuses that on its own
        }
        if (wellFormed(authorization.strip().substring(SCHEME.length()).strip())) {
            return null;
        }
        return ProblemMappers.unauthenticated(request.getUriInfo(),
                request.getHeaders().getFirst(ProblemMappers.REQUEST_ID));
    }

    /** The scheme is case-insensitive (RFC 9110 §11.1); {@code Bearer} alone is a bearer credential left empty. */
    static boolean isBearer(String authorization) {
        return authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (authorization.length() == SCHEME.length()
                        || Character.isWhitespace(authorization.charAt(SCHEME.length())));
    }

    /** Compact JWS (header.payload.signature) or JWE (five parts), base64url, the header never empty. */
    static boolean wellFormed(String token) {
        return CompactJwt.shaped(token, 3, 1) || CompactJwt.shaped(token, 5, 1);
    }
}
