package org.lookout.gateway.proxy;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lookout.gateway.config.GatewayConfig;
import org.lookout.gateway.edge.Problems;
import org.lookout.gateway.edge.RequestIds;
import org.lookout.gateway.ratelimit.RateLimiter;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.gateway.routing.RouteTable;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's handlers on Quarkus's router: a request id for everyone, then for routed paths the edge
 * checks in order of cost (token present, rate, body size) before the request is handed to its upstream.
 * Token signature, issuer, audience and expiry are verified by quarkus-oidc (proactive authentication) before
 * these handlers run; a bad token is answered by {@link #answerAuthenticationFailure}.
 */
@ApplicationScoped
public class EdgeRouter {

    /** Before CORS (-300) and authentication (-200), so that every answer carries the request id. */
    private static final int ORDER_REQUEST_ID = -1_000;
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"lookout\"";

    private final GatewayConfig config;
    private final RouteTable routes;
    private final RateLimiter rateLimiter;
    private final GatewayMetrics metrics;
    private final UpstreamClient upstreams;

    public EdgeRouter(GatewayConfig config, RateLimiter rateLimiter, GatewayMetrics metrics, UpstreamClient upstreams) {
        this.config = config;
        this.routes = RouteTable.from(config);
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.upstreams = upstreams;
    }

    void install(@Observes Router router, Vertx vertx) {
        router.route().order(ORDER_REQUEST_ID).handler(RequestIds::assign);
        router.route().order(ORDER_REQUEST_ID).failureHandler(this::answerAuthenticationFailure);
        router.route().handler(this::dispatch);
        vertx.setPeriodic(60_000, id -> rateLimiter.forgetIdle());
    }

    public RouteTable routes() {
        return routes;
    }

    private void dispatch(RoutingContext ctx) {
        Optional<GatewayRoute> match = routes.match(ctx.normalizedPath());
        if (match.isEmpty()) {
            ctx.next();
            return;
        }
        GatewayRoute route = match.get();
        String method = ctx.request().method().name();
        long start = System.nanoTime();
        ctx.addEndHandler(v -> metrics.recordRequest(route.name(), KNOWN_METHODS.contains(method) ? method : "OTHER",
                ctx.response().getStatusCode(), System.nanoTime() - start));

        SecurityIdentity identity = authenticatedIdentity(ctx);
        if (identity == null && !route.isPublic(method)) {
            Problems.send(ctx, Problems.unauthorized(ctx, "This route needs a valid bearer token."),
                    WWW_AUTHENTICATE, BEARER_CHALLENGE);
            return;
        }

        long waitSeconds = rateLimiter.acquire(route.rateLimit(), clientKey(ctx, identity));
        if (waitSeconds > 0) {
            Problems.send(ctx, Problems.tooManyRequests(ctx), HttpHeaders.RETRY_AFTER.toString(), Long.toString(waitSeconds));
            return;
        }

        String contentLength = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && declaredLength(contentLength) > route.maxBodyBytes()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            Problems.send(ctx, Problems.payloadTooLarge(ctx, route.maxBodyBytes()));
            return;
        }

        UpstreamExchange.forward(ctx, route, upstreams.client(), metrics, config.retryAfter().toSeconds(),
                config.connectTimeout().toMillis());
    }

    /** quarkus-oidc rejected the token (bad signature, issuer, audience, expired): a problem, not an empty 401. */
    private void answerAuthenticationFailure(RoutingContext ctx) {
        if (ctx.response().ended() || !isAuthenticationFailure(ctx.failure())) {
            ctx.next();
            return;
        }
        Problems.send(ctx, Problems.unauthorized(ctx, "The bearer token is not valid for this API."),
                WWW_AUTHENTICATE, BEARER_CHALLENGE + ", error=\"invalid_token\"");
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    private static SecurityIdentity authenticatedIdentity(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }

    /** Token subject for signed-in callers and agency clients; the client address for anonymous ones. */
    private static String clientKey(RoutingContext ctx, SecurityIdentity identity) {
        if (identity != null) {
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
                return "sub:" + jwt.getSubject();
            }
            return "user:" + identity.getPrincipal().getName();
        }
        return "ip:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
