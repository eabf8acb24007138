package org.lookout.complaint.rest;

import java.net.URI;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lookout.complaint.service.IllegalTransitionException;
import org.lookout.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The two conflicts of the lifecycle, as problem+json: an illegal transition, and two changes of one report at once. */
public class LifecycleProblemMappers {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final int AHEAD_OF_PROBLEM_MAPPERS = Priorities.USER - 200;

    /** The RFC 9457 members plus the extension members {@code from}, {@code to} and {@code allowed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionProblem(URI type, String title, int status, String detail, String instance, String requestId,
            String from, String to, List<String> allowed) {
    }

    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_MAPPERS)
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri, HttpHeaders headers) {
        TransitionProblem problem = new TransitionProblem(URI.create("about:blank"), e.title(), e.status(), e.getMessage(),
                uri.getPath(), headers.getHeaderString(REQUEST_ID), e.from().name(), e.to().name(), e.allowed());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The version check lost: nothing of this request was stored, the caller reads the report again and decides. */
    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_MAPPERS)
    public Response concurrentChange(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = new Problem(URI.create("about:blank"), "Conflict", 409,
                "the report was changed by someone else at the same time; read it again and retry", uri.getPath(),
                headers.getHeaderString(REQUEST_ID), List.of());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
