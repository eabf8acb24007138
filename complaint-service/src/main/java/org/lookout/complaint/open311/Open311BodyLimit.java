package org.lookout.complaint.open311;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemType;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body declared larger than intake's limit, sent to {@code /open311/}, is refused before a byte is read, like every
 * route's (intake's BodyLimits), but in the spec's error shape: 400 with the spec's {@code <errors>}. Installed on the
 * router ahead of BodyLimits: both run first of all handlers, and of equal order the first installed runs first.
 */
@ApplicationScoped
public class Open311BodyLimit {

    private final IntakeConfig config;

    Open311BodyLimit(IntakeConfig config) {
        this.config = config;
    }

    void install(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        long length = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (!path.startsWith(Open311Errors.PREFIX) || length <= config.bodyMaxBytes()) {
            context.next();
            return;
        }
        Open311Format format = Open311Format.ofPath(path);
        Problem problem = Problem.of(ProblemType.INVALID_REQUEST)
                .detail("the request body is larger than " + config.bodyMaxBytes() + " bytes (a description holds at"
                        + " most " + SubmitServiceRequestRequest.DESCRIPTION_LENGTH + " characters)")
                .errors(List.of()).build();
        // the body is read and dropped (never buffered), so that a client still sending it gets the answer
        context.request().handler(ignored -> {
        }).resume();
        context.response().setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, format.contentType())
                .end(Open311Errors.document(400, problem).render(format));
    }

    private static long declaredLength(String declared) {
        try {
            return declared == null ? 0 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
