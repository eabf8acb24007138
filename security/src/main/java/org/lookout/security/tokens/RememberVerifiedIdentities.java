package org.lookout.security.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The last augmentor: every identity quarkus-oidc created from a bearer access token is remembered as the augmentors
 * before it left it ({@link RememberedIdentities}); one that came from there is not remembered again.
 */
@ApplicationScoped
public class RememberVerifiedIdentities implements SecurityIdentityAugmentor {

    private final RememberedIdentities remembered;

    @Inject
    RememberVerifiedIdentities(RememberedIdentities remembered) {
        this.remembered = remembered;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remembered.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
