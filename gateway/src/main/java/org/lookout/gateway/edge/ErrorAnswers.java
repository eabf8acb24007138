package org.lookout.gateway.edge;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Every answer the framework would otherwise give in its own format — a failed handler (500 with Quarkus's error
 * page), no route (404 HTML), a wrong method (405), an invalid path (400) — turned into a problem. A 5xx is logged
 * with the request id and the exception's class and frames only: messages may quote a token or a path.
 */
public final class ErrorAnswers {

    /** Statuses vert.x-web answers on its own: no route, wrong method or media type, a path it cannot parse. */
    public static final int[] FRAMEWORK_STATUSES = {400, 403, 404, 405, 406, 413, 415, 500};
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String BEARER_CHALLENGE = "Bearer realm=\"lookout\"";
    public static final String INVALID_TOKEN_CHALLENGE = BEARER_CHALLENGE + ", error=\"invalid_token\"";

    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);
    private static final String PAST_AUTHENTICATION = ErrorAnswers.class.getName() + ".authenticated";

    private ErrorAnswers() {
    }

    public static void answerInvalidToken(RoutingContext ctx, String detail) {
        Problems.send(ctx, Problems.unauthorized(ctx, detail), WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
    }

    /** Runs right after authentication: a failure from here on is not the token's fault. */
    public static void markAuthenticated(RoutingContext ctx) {
        pastAuthentication(ctx);
        ctx.next();
    }

    /** The request's token is verified (by the framework, or earlier and remembered): a failure now is the gateway's. */
    public static void pastAuthentication(RoutingContext ctx) {
        ctx.put(PAST_AUTHENTICATION, Boolean.TRUE);
    }

    /** The failure handler for every route: nothing reaches Quarkus's own error page. */
    public static void answerFailure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationRedirectException redirect) {
            // the dashboard's sign-in (code flow): after the code exchange, back to the page that was asked for
            ctx.response().setStatusCode(redirect.getCode())
                    .putHeader(HttpHeaders.LOCATION, redirect.getRedirectUri())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        if (isAuthenticationFailure(failure) || failure != null && duringAuthentication(ctx)) {
            // a token the parser choked on is a bad token, not a fault of the gateway
            answerInvalidToken(ctx, "The bearer token is not valid for this API.");
            return;
        }
        int status = ctx.statusCode();
        answerStatus(ctx, status >= 400 && status < 500 ? status : 500);
    }

    /** The error handler for a status vert.x-web chose itself (registered once per status). */
    public static void answerStatus(RoutingContext ctx, int status) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (status >= 500) {
            Throwable failure = ctx.failure();
            LOG.errorf(failure == null ? null : withoutMessages(failure), "request %s failed with %d", RequestIds.of(ctx),
                    status);
            Problems.send(ctx, Problems.internalError(ctx));
        } else if (status == 413) {
            Problems.sendAndClose(ctx, Problems.forStatus(ctx, status));
        } else {
            Problems.send(ctx, Problems.forStatus(ctx, status));
        }
    }

    private static boolean duringAuthentication(RoutingContext ctx) {
        return ctx.get(PAST_AUTHENTICATION) == null && !ctx.request().headers().getAll("Authorization").isEmpty();
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException || t instanceof AuthenticationCompletionException
                    || t instanceof UnauthorizedException) {
                return true;
            }
        }
        return false;
    }

    /** The same chain of exception classes and frames, without the messages. */
    static Throwable withoutMessages(Throwable failure) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure ? null
                : withoutMessages(failure.getCause());
        return new FailureWithoutMessage(failure, cause);
    }

    /** Stands in for an exception in the log: its class name and frames, not its message. */
    private static final class FailureWithoutMessage extends RuntimeException {
        FailureWithoutMessage(Throwable original, Throwable cause) {
            super(original.getClass().getName(), cause, false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
