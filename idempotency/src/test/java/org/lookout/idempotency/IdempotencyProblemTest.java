package org.lookout.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemType;

/** The library's refusals have the one problem shape of every service: a type URI, the header named as the field. */
class IdempotencyProblemTest {

    @Test
    void aKeyUsedForAnotherRequestIsAnUnprocessableProblemNamingTheHeader() {
        Response answer = IdempotencyFilter.problem(request("/api/complaints", "req-7"), ProblemType.UNPROCESSABLE,
                "was already used with a different request");

        Problem problem = (Problem) answer.getEntity();
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(problem.type()).hasToString("urn:lookout:problem:unprocessable");
        assertThat(problem.title()).isEqualTo("Unprocessable request");
        assertThat(problem.detail()).isEqualTo("Idempotency-Key: was already used with a different request");
        assertThat(problem.instance()).isEqualTo("/api/complaints");
        assertThat(problem.requestId()).isEqualTo("req-7");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError(IdempotencyKey.HEADER, "was already used with a different request"));
    }

    @Test
    void aKeyStillInProgressIsAConflict() {
        Response answer = IdempotencyFilter.problem(request("/api/escalations", null), ProblemType.CONFLICT, "busy");

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(((Problem) answer.getEntity()).type()).hasToString("urn:lookout:problem:conflict");
    }

    /** Only what the filter reads of a request: its path and its request id. */
    private static ContainerRequestContext request(String path, String requestId) {
        UriInfo uri = stub(UriInfo.class, Map.of("getPath", path));
        return stub(ContainerRequestContext.class, requestId == null ? Map.of("getUriInfo", uri)
                : Map.of("getUriInfo", uri, "getHeaderString", requestId));
    }

    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> answers.get(method.getName())));
    }
}
