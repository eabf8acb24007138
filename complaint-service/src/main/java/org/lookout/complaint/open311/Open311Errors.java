package org.lookout.complaint.open311;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.lookout.problem.Problem;

/**
 * Under {@code /open311/}, every error is the spec's: a list of {@code {code, description}} in the format the path asks
 * for, with 404 for what does not exist, 403 for a missing or wrong key (and for a refused token), 400 for anything
 * else a client sent wrong; 5xx stay what they are. Every problem any part of the service answers (this feature's,
 * Bean Validation's, the idempotency filter's, the text rules') is rewritten here, before the idempotency filter
 * stores the answer, so a replay is the same spec-shaped bytes.
 */
public class Open311Errors {

    static final String PREFIX = "/open311/";

    /** Runs before the idempotency filter's response filter (USER + 500): response filters run highest first. */
    @ServerResponseFilter(priority = jakarta.ws.rs.Priorities.USER + 600)
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !request.getUriInfo().getPath().startsWith(PREFIX)) {
            return;
        }
        Open311Format format = Open311Format.ofPath(request.getUriInfo().getPath());
        int status = status(problem.status());
        response.setStatus(status);
        response.setEntity(document(status, problem).render(format));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, format.contentType());
    }

    static Open311Document document(int status, Problem problem) {
        List<String> descriptions = problem.errors().isEmpty()
                ? List.of(problem.detail() == null ? problem.title() : problem.detail())
                : problem.errors().stream().map(error -> error.field() + ": " + error.message()).toList();
        return Open311Views.errors(status, descriptions);
    }

    /** The spec's statuses: 404 absent, 403 the key (or a token), 400 anything else a client sent wrong. */
    static int status(int problemStatus) {
        return switch (problemStatus) {
            case 401, 403 -> 403;
            case 404, 405 -> problemStatus;
            default -> problemStatus >= 500 ? problemStatus : 400;
        };
    }
}
