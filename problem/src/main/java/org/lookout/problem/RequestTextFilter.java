package org.lookout.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.HttpServerRequest;

/**
 * The text rules of {@link TextRules} for the path parameters and the query parameters of every request, on their raw
 * form: each must be strictly percent-encoded UTF-8 (no {@code %zz}, no overlong {@code %C0%80}), and decoded hold no
 * control character. A refusal is a 400 problem naming the parameter, before any of it reaches a query.
 */
public class RequestTextFilter {

    static final String NOT_UTF8 = "must be percent-encoded UTF-8";

    @ServerRequestFilter
    public Response check(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Optional<Problem.FieldError> refused = Optional.empty();
        for (Map.Entry<String, List<String>> parameter : context.getAllPathParameters(true).entrySet()) {
            for (String raw : parameter.getValue()) {
                refused = refused.or(() -> refusal(raw).map(why -> new Problem.FieldError(parameter.getKey(), why)));
            }
        }
        refused = refused.or(() -> queryRefusal(http.query()));
        return refused.map(error -> ProblemMappers.answer(400, "Invalid request", error.field() + " " + error.message(),
                List.of(error), request.getUriInfo(), request.getHeaders().getFirst(ProblemMappers.REQUEST_ID)))
                .orElse(null);
    }

    /**
     * The first query parameter, by name or value, that breaks the rules; named as decoded, or {@code query} when its
     * name is empty or holds any control character (line breaks included: a field name is one line).
     */
    static Optional<Problem.FieldError> queryRefusal(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> refusal = refusal(rawName)
                    .or(() -> equals < 0 ? Optional.empty() : refusal(pair.substring(equals + 1)));
            if (refusal.isPresent()) {
                String field = PercentDecoding.decode(rawName.replace('+', ' '))
                        .filter(name -> !name.isEmpty() && name.chars().noneMatch(c -> c < 0x20)).orElse("query");
                return Optional.of(new Problem.FieldError(field, refusal.get()));
            }
        }
        return Optional.empty();
    }

    /** Why a raw (percent-encoded) component is refused, or empty when it is fine. */
    static Optional<String> refusal(String raw) {
        Optional<String> decoded = PercentDecoding.decode(raw);
        if (decoded.isEmpty()) {
            return Optional.of(NOT_UTF8);
        }
        return TextRules.hasControlCharacter(decoded.get()) ? Optional.of(TextRules.CONTROL_CHARACTER)
                : Optional.empty();
    }
}
