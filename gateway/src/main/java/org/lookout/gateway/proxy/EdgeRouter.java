package org.lookout.gateway.proxy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lookout.gateway.config.GatewayConfig;
import org.lookout.gateway.edge.BearerTokens;
import org.lookout.gateway.edge.ErrorAnswers;
import org.lookout.gateway.edge.Problems;
import org.lookout.gateway.edge.RequestIds;
import org.lookout.gateway.edge.RequestPaths;
import org.lookout.gateway.ratelimit.ConcurrencyLimiter;
import org.lookout.gateway.ratelimit.RateLimiter;
import org.lookout.gateway.routing.GatewayRoute;
import org.lookout.gateway.routing.NormalisedPath;
import org.lookout.gateway.routing.RouteTable;
import org.lookout.security.tokens.VerifiedTokens;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's handlers on Quarkus's router: a request id for everyone; then the path's normal form, the body
 * ceiling and the bearer token's shape for every request; then for routed paths the edge checks in order of cost
 * (token present, rate, body size) before the request is handed to its upstream. A request with a token has its
 * signature, issuer, audience and expiry verified by quarkus-oidc (proactive authentication) in between, unless the
 * same token was verified here before and is remembered ({@link VerifiedTokens}); one without a token on a routed path
 * is anonymous. Both are dispatched before the framework's security chain, which would only have found them so. Every
 * failure and every answer the framework would give itself is a problem ({@link ErrorAnswers}).
 */
@ApplicationScoped
public class EdgeRouter {

    /** Before CORS (-300) and authentication (-200), so that every answer carries the request id. */
    private static final int ORDER_REQUEST_ID = -1_000;
    /** After CORS (so refusals carry its headers), before authentication and Quarkus's own body limit (-2). */
    private static final int ORDER_EDGE_CHECKS = -250;
    /** Between authentication (-200) and authorisation (-100). */
    private static final int ORDER_AFTER_AUTHENTICATION = -190;
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String PERMISSION_PREFIX = "quarkus.http.auth.permission.";
    /** The route the edge check matched, for a request that goes through the framework's verification first. */
    private static final String MATCHED_ROUTE = EdgeRouter.class.getName() + ".route";
    private static final String COMMUNITY_PARAMETER = "community";
    private static final Pattern COMMUNITY_CODE = Pattern.compile("[A-Z]{2,8}");

    private final GatewayConfig config;
    private final RouteTable routes;
    private final RateLimiter rateLimiter;
    private final GatewayMetrics metrics;
    private final UpstreamClient upstreams;
    private final PublicLocations publicLocations;
    private final UpstreamInstances instances;
    private final long bodyCeiling;
    private final ConcurrencyLimiter concurrency;
    private final long bodyBufferSize;
    private final Map<String, Long> bodyTimeoutMillis = new HashMap<>();
    private final Set<String> publicFrameworkPaths;
    private final VerifiedTokens<String> verifiedTokens;
    private Vertx vertx;

    public EdgeRouter(GatewayConfig config, RateLimiter rateLimiter, ConcurrencyLimiter concurrency,
            GatewayMetrics metrics, UpstreamClient upstreams,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> bodyCeiling) {
        this.config = config;
        this.routes = RouteTable.from(config);
        this.routes.requireNoneUnder(permissionPaths(ConfigProvider.getConfig()));
        this.rateLimiter = rateLimiter;
        this.concurrency = concurrency;
        this.metrics = metrics;
        this.upstreams = upstreams;
        this.publicLocations = PublicLocations.from(config);
        this.instances = UpstreamInstances.from(config);
        this.bodyCeiling = bodyCeiling.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.bodyBufferSize = config.bodyBufferSize().asLongValue();
        config.routes().forEach((name, route) -> bodyTimeoutMillis.put(name,
                route.bodyTimeout().orElse(config.bodyReadTimeout()).toMillis()));
        this.publicFrameworkPaths = Set.copyOf(config.publicFrameworkPaths().orElse(Set.of()));
        this.verifiedTokens = new VerifiedTokens<>(config.verifiedTokens(), config.verifiedTokenMaxAge().toMillis(),
                System::currentTimeMillis);
        metrics.gaugeVerifiedTokens(verifiedTokens);
    }

    void install(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        router.route().order(ORDER_REQUEST_ID).handler(RequestIds::assign);
        router.route().order(ORDER_REQUEST_ID).failureHandler(ErrorAnswers::answerFailure);
        router.route().order(ORDER_EDGE_CHECKS).handler(this::checkRequest);
        router.route().order(ORDER_AFTER_AUTHENTICATION).handler(ErrorAnswers::markAuthenticated);
        router.route().handler(this::dispatch);
        for (int status : ErrorAnswers.FRAMEWORK_STATUSES) {
            router.errorHandler(status, ctx -> ErrorAnswers.answerStatus(ctx, status));
        }
        // the verified tokens drop their expired entries themselves, as new ones come in
        vertx.setPeriodic(60_000, id -> rateLimiter.forgetIdle());
    }

    public RouteTable routes() {
        return routes;
    }

    VerifiedTokens<String> verifiedTokens() {
        return verifiedTokens;
    }

    /** What every request must pass, routed or not, before anything parses its token or reads its body. */
    private void checkRequest(RoutingContext ctx) {
        String path;
        switch (NormalisedPath.of(ctx.request().path())) {
            case NormalisedPath.Rejected rejected -> {
                Problems.send(ctx, rejected.status() == 400 ? Problems.badRequest(ctx, rejected.detail())
                        : Problems.notFound(ctx, rejected.detail()));
                return;
            }
            case NormalisedPath.Routable routable -> {
                path = routable.path();
                RequestPaths.remember(ctx, path);
                if (isFrameworkPath(path) && !publicFrameworkPaths.contains(path)) {
                    // metrics, OpenAPI, dev pages: the management interface's, never the public port's
                    Problems.send(ctx, Problems.notFound(ctx, "No Lookout resource has this path."));
                    return;
                }
            }
        }
        String contentLength = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && declaredLength(contentLength) > bodyCeiling) {
            Problems.sendAndClose(ctx, Problems.payloadTooLarge(ctx, bodyCeiling));
            return;
        }
        List<String> authorization = ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        String token = BearerTokens.canonicalToken(authorization);
        if (token == null && BearerTokens.malformed(authorization)) {
            ErrorAnswers.answerInvalidToken(ctx, "The bearer token is not a well-formed signed JWT.");
            return;
        }
        Optional<GatewayRoute> route = routes.match(path);
        if (route.isPresent()) {
            // No token: the framework's authentication has nothing to verify and would only find the caller anonymous,
            // through a chain of Mutiny operators that capture and restore the thread context (the largest item of the
            // gateway's allocation profile). A token verified here before: it would only verify it again (~70 % of
            // the CPU of a request with a token). Either is answered here: a public method is forwarded, any other
            // without a token gets dispatch's 401. No framework HTTP permission can cover a routed path: the start
            // refuses one (RouteTable.requireNoneUnder).
            if (authorization.isEmpty()) {
                dispatch(ctx, path, route.get(), null);
                return;
            }
            String caller = token == null ? null : verifiedTokens.get(token);
            if (caller != null) {
                ErrorAnswers.pastAuthentication(ctx);
                dispatch(ctx, path, route.get(), caller);
                return;
            }
            ctx.put(MATCHED_ROUTE, route.get());
        }
        ctx.next();
    }

    /** After the framework's verification: the route matched by the edge check, if any, with the verified caller. */
    private void dispatch(RoutingContext ctx) {
        GatewayRoute route = ctx.get(MATCHED_ROUTE);
        if (route == null) {
            ctx.next();
            return;
        }
        String caller = null;
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            SecurityIdentity identity = user.getSecurityIdentity();
            caller = callerKey(identity);
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
                verifiedTokens.remember(jwt.getRawToken(), caller, jwt.getExpirationTime());
            }
        }
        dispatch(ctx, RequestPaths.normal(ctx), route, caller);
    }

    /** @param caller the rate-limit key of the verified token's caller; null for an anonymous request */
    private void dispatch(RoutingContext ctx, String path, GatewayRoute route, String caller) {
        String method = ctx.request().method().name();
        long start = System.nanoTime();
        ctx.addEndHandler(v -> metrics.recordRequest(route.name(), KNOWN_METHODS.contains(method) ? method : "OTHER",
                ctx.response().getStatusCode(), System.nanoTime() - start));

        String client = caller != null ? caller
                : "ip:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
        if (caller == null && !route.isPublic(method)) {
            Problems.send(ctx, Problems.unauthorized(ctx, "This route needs a valid bearer token."),
                    ErrorAnswers.WWW_AUTHENTICATE, ErrorAnswers.BEARER_CHALLENGE);
            return;
        }

        long waitSeconds = rateLimiter.acquire(route.rateLimit(), client);
        if (waitSeconds == 0 && route.communityRateLimit().isPresent()) {
            waitSeconds = rateLimiter.acquire(route.communityRateLimit().get(), communityKey(ctx));
        }
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

        if (!concurrency.tryAcquire(client)) {
            Problems.send(ctx, Problems.tooManyConcurrentRequests(ctx, config.maxConcurrentRequestsPerClient()),
                    HttpHeaders.RETRY_AFTER.toString(), "1");
            return;
        }
        ctx.addEndHandler(v -> concurrency.release(client));

        long deadline = bodyTimeoutMillis.get(route.name());
        boolean hasBody = EdgeBodies.declaresBody(ctx.request());
        Optional<String> keyInQuery = route.limitsPerKey() ? ClientKeys.inQuery(ctx, route.keyParameter()) : Optional.empty();
        boolean keyInForm = route.limitsPerKey() && keyInQuery.isEmpty() && hasBody && ClientKeys.hasFormBody(ctx);
        long declared = contentLength == null ? -1 : declaredLength(contentLength);
        if (hasBody && (keyInForm || route.maxBodyBytes() <= bodyBufferSize || declared >= 0 && declared <= bodyBufferSize)) {
            // read whole at the edge: no upstream connection is taken until the last byte is in
            EdgeBodies.read(vertx, ctx, route.maxBodyBytes(), deadline).onComplete(read -> {
                if (read.failed()) {
                    refuseBody(ctx, route, read.cause(), deadline);
                } else if (withinKeyLimit(ctx, route, keyInForm ? ClientKeys.inForm(read.result(), route.keyParameter())
                        : keyInQuery)) {
                    forward(ctx, path, route, read.result());
                }
            });
            return;
        }
        if (!withinKeyLimit(ctx, route, keyInQuery)) {
            return;
        }
        if (hasBody) {
            // too large to hold: it streams, but must still be complete within the deadline
            long timer = vertx.setTimer(deadline, id -> {
                if (!ctx.request().isEnded()) {
                    refuseBody(ctx, route, new EdgeBodies.BodyTimeoutException(), deadline);
                }
            });
            ctx.addEndHandler(v -> vertx.cancelTimer(timer));
        }
        forward(ctx, path, route, null);
    }

    /** A body over the route's limit (413) or not complete within its deadline (408); the connection closes. */
    private static void refuseBody(RoutingContext ctx, GatewayRoute route, Throwable cause, long deadlineMillis) {
        if (cause instanceof ClientKeys.BodyTooLargeException) {
            Problems.sendAndClose(ctx, Problems.payloadTooLarge(ctx, route.maxBodyBytes()));
        } else if (cause instanceof EdgeBodies.BodyTimeoutException) {
            if (ctx.response().headWritten()) {
                ctx.request().connection().close();
            } else {
                Problems.sendAndClose(ctx, Problems.requestTimeout(ctx, Duration.ofMillis(deadlineMillis)));
            }
        } else {
            ctx.fail(cause);
        }
    }

    /** Takes a token from the key's own bucket; answers 429 and false when it is empty. No key: no bucket. */
    private boolean withinKeyLimit(RoutingContext ctx, GatewayRoute route, Optional<String> key) {
        if (key.isEmpty()) {
            return true;
        }
        long waitSeconds = rateLimiter.acquire(route.keyRateLimit(), ClientKeys.bucket(key.get()));
        if (waitSeconds > 0) {
            Problems.send(ctx, Problems.tooManyRequests(ctx), HttpHeaders.RETRY_AFTER.toString(), Long.toString(waitSeconds));
            return false;
        }
        return true;
    }

    private void forward(RoutingContext ctx, String path, GatewayRoute route, Buffer readBody) {
        UpstreamExchange.forward(ctx, path, route, upstreams.client(), instances, metrics, publicLocations,
                config.retryAfter().toSeconds(), config.connectTimeout().toMillis(), readBody);
    }

    /** The paths of every {@code quarkus.http.auth.permission.<name>.paths}, by permission name. */
    static Map<String, List<String>> permissionPaths(Config config) {
        Map<String, List<String>> paths = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(PERMISSION_PREFIX) && property.endsWith(".paths")) {
                config.getOptionalValues(property, String.class).ifPresent(values -> paths.put(
                        property.substring(PERMISSION_PREFIX.length(), property.length() - ".paths".length()), values));
            }
        }
        return paths;
    }

    /** Quarkus's own endpoints live under /q (health, metrics, OpenAPI, dev pages). */
    private static boolean isFrameworkPath(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    /** Token subject for signed-in callers and agency clients (anonymous ones are limited by their address). */
    private static String callerKey(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "sub:" + jwt.getSubject();
        }
        return "user:" + identity.getPrincipal().getName();
    }

    /**
     * The community a request is for, from its query parameter {@code community} (a code is at most 8 capital letters):
     * anything else shares one bucket, so made-up values cannot each get a bucket of their own.
     */
    static String communityKey(RoutingContext ctx) {
        String community = ctx.request().getParam(COMMUNITY_PARAMETER);
        return "community:" + (community != null && COMMUNITY_CODE.matcher(community).matches() ? community : "?");
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
