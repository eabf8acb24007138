package org.lookout.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The headers of every answer of a {@link Sensitive} resource: never stored by a cache, never content-sniffed. A
 * streamed answer ({@code RestMulti}) passes no response filter: its resource adds {@link #headers()} itself.
 */
@Sensitive
@Provider
public class SensitiveAnswers implements ContainerResponseFilter {

    static final String NO_STORE = "no-store";
    static final String NOSNIFF = "nosniff";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        mark(response.getHeaders());
    }

    /** The same headers for a streamed answer, e.g. {@code RestMulti.fromUniResponse(uni, data, q -> headers())}. */
    public static Map<String, List<String>> headers() {
        return Map.of(HttpHeaders.CACHE_CONTROL, List.of(NO_STORE), "X-Content-Type-Options", List.of(NOSNIFF));
    }

    static void mark(MultivaluedMap<String, Object> headers) {
        headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        headers.putSingle("X-Content-Type-Options", NOSNIFF);
    }
}
