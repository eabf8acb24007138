package org.lookout.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.lookout.idempotency.IdempotencyStore.Claim;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * {@code Idempotency-Key} on the configured creating {@code POST}s, in the REST layer: the request filter (after the
 * body is read, so it can be fingerprinted) claims the key or answers a retry; the response filter serialises the
 * answer once, sends exactly those bytes and stores them, so a replay is the first answer byte for byte.
 */
public class IdempotencyFilter {

    static final String ANONYMOUS = "anonymous";
    static final String CLAIM_PROPERTY = IdempotencyFilter.class.getName() + ".claim";

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    private final IdempotencyConfig config;
    private final IdempotencyStore store;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final Set<String> paths;

    IdempotencyFilter(IdempotencyConfig config, IdempotencyStore store, CurrentIdentityAssociation identities,
            ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.identities = identities;
        this.json = json;
        this.paths = config.paths().orElse(Set.of()).stream().map(IdempotencyFilter::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    @ServerRequestFilter(readBody = true, priority = Priorities.USER + 500)
    public Uni<Response> onRequest(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(IdempotencyKey.HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || paths.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String path = normalise(request.getUriInfo().getPath());
        if (!paths.contains(path)) {
            return Uni.createFrom().nullItem();
        }
        if (!IdempotencyKey.isValid(key)) {
            return Uni.createFrom().item(problem(request, ProblemType.INVALID_REQUEST,
                    "must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable characters"));
        }
        byte[] body = readBody(request);
        String fingerprint = IdempotencyKey.fingerprint(request.getMethod(), path, body);
        return identities.getDeferredIdentity()
                .map(IdempotencyFilter::callerOf)
                // authentication failed: the endpoint answers 401 and creates nothing, so there is nothing to guard
                .onFailure().recoverWithNull()
                .flatMap(caller -> caller == null ? Uni.createFrom().nullItem()
                        : claimOrAnswer(request, Claim.of(caller, key, fingerprint, now())));
    }

    private Uni<Response> claimOrAnswer(ContainerRequestContext request, Claim claim) {
        OffsetDateTime at = claim.claimedAt();
        return store.claim(claim, at.plus(config.retention()), at.minus(config.inProgressTimeout()))
                .flatMap(claimed -> {
                    if (claimed) {
                        request.setProperty(CLAIM_PROPERTY, claim);
                        return Uni.createFrom().nullItem();
                    }
                    return store.find(claim).map(stored -> answerRetry(request, claim, stored));
                });
    }

    private Response answerRetry(ContainerRequestContext request, Claim claim, StoredAnswer stored) {
        if (stored != null && !stored.fingerprint().equals(claim.fingerprint())) {
            return problem(request, ProblemType.UNPROCESSABLE,
                    "was already used with a different request; use a new key for a new request");
        }
        if (stored == null || !stored.completed()) {
            return problem(request, ProblemType.CONFLICT,
                    "a request with this key is still being processed; retry later");
        }
        // a creating answer may carry something shown once (a tracking secret): never let a cache keep the replay
        Response.ResponseBuilder replay = Response.status(stored.status())
                .header(IdempotencyKey.REPLAYED_HEADER, "true")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (stored.body() != null && stored.body().length > 0) {
            replay.entity(stored.body());
        }
        if (stored.contentType() != null) {
            replay.header(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        return replay.build();
    }

    @ServerResponseFilter(priority = Priorities.USER + 500)
    public Uni<Void> onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM_PROPERTY) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        request.removeProperty(CLAIM_PROPERTY);
        int status = response.getStatus();
        boolean keep = (status >= 200 && status < 300) || (status >= 400 && status < 500);
        byte[] body = keep ? serialise(response) : null;
        Uni<Void> write;
        if (body == null) {
            // a 5xx (or an answer that cannot be replayed): forget the key so that a retry runs again
            write = store.release(claim);
        } else {
            MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
            if (body.length > 0) {
                response.setEntity(body, response.getEntityAnnotations(), type);
            }
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            write = store.complete(claim, status, type.toString(), location, body);
        }
        return write.onFailure().invoke(e -> LOG.warnf(
                "could not record the answer of an Idempotency-Key request (status %d): %s", status, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The answer's bytes as they go out; null when the entity is not something this library can replay. */
    private byte[] serialise(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        MediaType type = response.getMediaType();
        boolean isJson = type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || type.getSubtype().endsWith("+json");
        if (!isJson) {
            LOG.debugf("an Idempotency-Key answer of type %s cannot be replayed; the key is released", type);
            return null;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (IOException e) {
            LOG.warnf("could not serialise an Idempotency-Key answer: %s", e.getMessage());
            return null;
        }
    }

    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readAllBytes();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    private static String callerOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal == null || principal.getName() == null ? ANONYMOUS : principal.getName();
    }

    /** A problem naming the header, of the type's status and title. */
    static Response problem(ContainerRequestContext request, ProblemType type, String message) {
        Problem problem = Problem.of(type).detail(IdempotencyKey.HEADER + ": " + message)
                .instance(request.getUriInfo().getPath()).requestId(request.getHeaderString("X-Request-Id"))
                .errors(List.of(new Problem.FieldError(IdempotencyKey.HEADER, message))).build();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
