package org.lookout.escalation.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lookout.escalation.service.IllegalPartTransitionException;
import org.lookout.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An agency's move its part does not allow, as complaint-service shapes an illegal transition: 409 naming states. */
public class EscalationProblemMappers {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final int AHEAD_OF_PROBLEM_MAPPERS = Priorities.USER - 200;

    /** The RFC 9457 members plus the extension members {@code from}, {@code action} and {@code allowed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionProblem(URI type, String title, int status, String detail, String instance,
            String requestId, String from, String action, List<String> allowed, List<Problem.FieldError> errors) {
    }

    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_MAPPERS)
    public Response illegalTransition(IllegalPartTransitionException e, UriInfo uri, HttpHeaders headers) {
        TransitionProblem problem = new TransitionProblem(URI.create("about:blank"), e.title(), e.status(),
                e.getMessage(), uri.getPath(), headers.getHeaderString(REQUEST_ID), e.from().name(), e.action(),
                e.allowed(), e.errors());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
