package org.lookout.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Every error a Lookout service answers, as RFC 9457 problem+json: the field at fault is named, nothing internal (no
 * stack trace, no exception text of a library) reaches the caller. Registered ahead of the framework's own mappers.
 */
public class ProblemMappers {

    /** Jackson's words for a key met twice in one object (StrictTextJson turns that check on). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.{1,200})'");

    static final String REQUEST_ID = "X-Request-Id";
    private static final int AHEAD_OF_BUILT_INS = Priorities.USER - 100;
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** {@code Retry-After} of a 503 while the database is away (the gateway's own 503 says the same). */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response domain(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = e.toProblem(uri == null ? null : uri.getPath(),
                headers == null ? null : headers.getHeaderString(REQUEST_ID));
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return answer(400, "Invalid request", describe(errors), errors, uri, headers);
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response unreadable(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        String field = JsonPaths.of(e.getPath());
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : e instanceof ControlCharacterException ? TextRules.CONTROL_CHARACTER : "has the wrong type or format";
        if (field.isEmpty()) {
            return answer(400, "Invalid request", "the body does not have the expected shape", List.of(), uri, headers);
        }
        return invalidField(field, message, uri, headers);
    }

    /** Declared for its own type too: the JSON provider maps exactly this type, and the most specific type wins. */
    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadable(e, uri, headers);
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response malformed(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            return invalidField(duplicate.group(1), "is given more than once", uri, headers);
        }
        return answer(400, "Invalid request", "the body is not valid JSON", List.of(), uri, headers);
    }

    /** A 400 naming the one field of the body at fault. */
    private static Response invalidField(String field, String message, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
        return answer(400, "Invalid request", describe(errors), errors, uri, headers);
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response malformedText(MalformedUtf8Exception e, UriInfo uri, HttpHeaders headers) {
        return answer(400, "Invalid request", "the body is not valid UTF-8", List.of(), uri, headers);
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, requestId(headers));
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, requestId(headers));
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return answer(403, "Forbidden", "your role does not allow this", List.of(), uri, headers);
    }

    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri, headers);
        }
        if (cause instanceof JsonParseException parse) {
            return malformed(parse, uri, headers);
        }
        if (cause instanceof MalformedUtf8Exception text) {
            return malformedText(text, uri, headers);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response answer = answer(status.getStatusCode(), status.getReasonPhrase(), detail(status.getStatusCode()), List.of(),
                uri, headers);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * What no mapper above knows. Four kinds are not defects and get neither a 500 nor a stack trace: the caller went
     * away mid-request (one line), a multipart body that ends before its closing boundary (400), a write a unique
     * index refused because another request stored the same first (409; services that can say more map it first), and
     * the database being away (503 with {@code Retry-After}).
     */
    @ServerExceptionMapper(priority = AHEAD_OF_BUILT_INS)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers, HttpServerRequest http,
            RoutingContext routing) {
        String request = http.method() + " " + loggedPath(uri);
        if (ClientAborts.isClientAbort(e, http.response().closed())) {
            if (StalledBodies.claim(routing)) { // else StalledBodies ended this body first and said so
                LOG.infof(ClientAborts.isStalledBody(e) ? StalledBodies.STALLED_LINE : StalledBodies.CLOSED_LINE,
                        request);
            }
            return answer(400, "Invalid request", "the request was not received completely", List.of(), uri, headers);
        }
        if (isTruncatedMultipart(e)) {
            return answer(400, "Invalid request", "the multipart body ends before its closing boundary", List.of(), uri,
                    headers);
        }
        if (isUndecodableForm(e)) {
            return answer(400, "Invalid request", "the form body is not percent-encoded (a % starts two hex digits)",
                    List.of(), uri, headers);
        }
        if (SqlStates.isUniqueViolation(e)) {
            LOG.infof("a unique index refused the write of %s (another request stored it first): 409", request);
            return answer(409, "Conflict", "this conflicts with a change made at the same time; read the current state"
                    + " and retry if it still applies", List.of(), uri, headers);
        }
        Optional<Response> databaseAway = databaseAway(e, request, uri, headers);
        if (databaseAway.isPresent()) {
            return databaseAway.get();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, request);
        return answer(500, "Internal error", "the error was logged as " + errorId, List.of(), uri, headers);
    }

    /**
     * The database is away (refused, dropped, starting up, no connection in time: {@link DatabaseOutages}): not a
     * defect, so the documented 503 problem with {@code Retry-After} and one line in the log, never a 500.
     */
    static Optional<Response> databaseAway(Throwable e, String request, UriInfo uri, HttpHeaders headers) {
        return DatabaseOutages.telling(e).map(outage -> {
            LOG.warnf("%s: the database does not answer (%s: %s): 503", request, outage.getClass().getName(),
                    LoggedText.of(String.valueOf(outage.getMessage())));
            return Response.fromResponse(answer(503, "Service unavailable",
                    "the service's database does not answer; retry later", List.of(), uri, headers))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        });
    }

    /** The multipart parser's words when the body ended (the request complete) before the closing boundary. */
    private static boolean isTruncatedMultipart(Throwable e) {
        return e instanceof IOException && e.getMessage() != null && e.getMessage().startsWith("Connection terminated")
                && e.getMessage().contains("multipart");
    }

    /**
     * The REST layer's form reader failing on a form body (any endpoint's: a filter that reads bodies has it parsed) that
     * holds a broken percent escape such as {@code %zz}.
     */
    static boolean isUndecodableForm(Throwable e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null
                && e.getMessage().startsWith("Failed to decode URL");
    }

    /** The path as sent (percent-encoded), so that an encoded CR LF cannot start a forged log line. */
    private static String loggedPath(UriInfo uri) {
        try {
            return LoggedText.of(uri.getRequestUri().getRawPath());
        } catch (RuntimeException unparsable) {
            return LoggedText.of(uri.getPath());
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this resource does not accept that method";
            case 406 -> "no representation in an acceptable media type";
            case 413 -> "the request body is too large";
            case 415 -> "this media type is not accepted here";
            default -> "the request could not be processed";
        };
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response unauthenticated(UriInfo uri, String requestId) {
        return withChallenge(
                answer(401, "Unauthorized", "a valid bearer token is required", List.of(), uri, requestId));
    }

    static Response answer(int status, String title, String detail, List<Problem.FieldError> errors, UriInfo uri,
            HttpHeaders headers) {
        return answer(status, title, detail, errors, uri, requestId(headers));
    }

    static Response answer(int status, String title, String detail, List<Problem.FieldError> errors, UriInfo uri,
            String requestId) {
        Problem problem = Problem.of(ProblemType.forStatus(status)).status(status).title(title).detail(detail)
                .instance(uri == null ? null : uri.getPath()).requestId(requestId).errors(errors).build();
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String requestId(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString(REQUEST_ID);
    }

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
    }

    /** The caller's view of a violation path: the parts after the method and parameter, e.g. {@code location.latitude}. */
    static String field(Path path) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name = name + "[" + node.getKey() + "]";
            }
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return String.join(".", parts);
    }
}
