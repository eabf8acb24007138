package org.lookout.security.tokens;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The identities quarkus-oidc made of the bearer tokens it verified in this application, so that a caller who sends
 * the same access token again is not verified again: the signature, issuer, audience and expiry checks were in 13.5 % of
 * complaint-service's CPU samples at intake (docs/decisions/0010-services-remember-verified-tokens.md). An entry is found only
 * by the very same token for the same OIDC tenant, lives until the token's {@code exp} or
 * {@code lookout.security.verified-token-max-age} after it was verified (whichever comes first), and holds the identity
 * without the request it was verified on. {@code lookout.security.verified-tokens=0} turns it off.
 */
@ApplicationScoped
public class RememberedIdentities {

    /** Set on an identity taken from here, so that it is not remembered again when augmentors see it. */
    static final String REMEMBERED = RememberedIdentities.class.getName();
    /** Where quarkus-oidc keeps the tenant on the request and on the identity it creates. */
    static final String TENANT_ID = "tenant-id";

    private final VerifiedTokens<SecurityIdentity> identities;
    private final LongAdder hits = new LongAdder();

    @Inject
    RememberedIdentities(
            @ConfigProperty(name = "lookout.security.verified-tokens", defaultValue = "2000") int maxEntries,
            @ConfigProperty(name = "lookout.security.verified-token-max-age", defaultValue = "60s") Duration maxAge) {
        this.identities = new VerifiedTokens<>(maxEntries, maxAge.toMillis(), System::currentTimeMillis);
    }

    /**
     * The identity a verification of this token for this tenant produced, for the request now in hand; null when none
     * is held (never seen, expired, past the max age, or another token or tenant).
     */
    SecurityIdentity find(String tenant, String token, RoutingContext request, AuthenticationRequestContext blocking) {
        SecurityIdentity remembered = identities.get(key(tenant, token));
        if (remembered == null) {
            return null;
        }
        hits.increment();
        // what quarkus-oidc's provider puts on the request and the identity for the request in hand
        request.put(AuthenticationRequestContext.class.getName(), blocking);
        return QuarkusSecurityIdentity.builder(remembered)
                .addAttribute(RoutingContext.class.getName(), request)
                .addAttribute(AuthenticationRequestContext.class.getName(), blocking)
                .addAttribute(REMEMBERED, Boolean.TRUE)
                .build();
    }

    /**
     * Keeps an identity quarkus-oidc has just created from a bearer access token: only a signed token with an
     * {@code exp}, not bound to a key or certificate ({@code cnf}: its proof is checked on every request), and not a
     * web application's session (an ID token's, verified by the code flow).
     */
    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(REMEMBERED) != null) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        Object tenant = identity.getAttribute(TENANT_ID);
        if (credential == null || credential.isOpaque() || tenant == null
                || identity.getCredential(IdTokenCredential.class) != null // a web application's session, not a bearer
                || !(identity.getPrincipal() instanceof JsonWebToken token) || token.containsClaim("cnf")) {
            return;
        }
        // the request it was verified on is not kept: find() puts in the one in hand
        SecurityIdentity kept = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null)
                .addAttribute(AuthenticationRequestContext.class.getName(), null)
                .build();
        identities.remember(key(tenant.toString(), credential.getToken()), kept, token.getExpirationTime());
    }

    /** How many requests were authenticated from here since start. */
    public long hits() {
        return hits.sum();
    }

    /** How many tokens are held. */
    public int size() {
        return identities.size();
    }

    /** A space is not among a compact JWT's characters: no tenant and token can spell another pair. */
    private static String key(String tenant, String token) {
        return tenant + ' ' + token;
    }
}
