package org.lookout.security.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before quarkus-oidc's provider: answers a bearer access token it has seen verified with the identity
 * remembered for it, and with nothing otherwise, so that quarkus-oidc verifies it ({@link RememberedIdentities}).
 */
@ApplicationScoped
public class RememberedIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above quarkus-oidc's provider (the default priority): providers are asked from the highest. */
    static final int PRIORITY = IdentityProvider.SYSTEM_FIRST + 1_000;

    private final RememberedIdentities remembered;

    @Inject
    RememberedIdentityProvider(RememberedIdentities remembered) {
        this.remembered = remembered;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Object tenant = http == null ? null : http.get(RememberedIdentities.TENANT_ID);
        if (tenant == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(remembered.find(tenant.toString(), credential.getToken(), http, context));
    }
}
