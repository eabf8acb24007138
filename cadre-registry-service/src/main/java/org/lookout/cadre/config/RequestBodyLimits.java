package org.lookout.cadre.config;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lookout.cadre.commitment.CommitmentResource;
import org.lookout.cadre.imports.ImportResource;
import org.lookout.problem.BodyLimit;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Body limits per route: a commitment letter of some megabytes, an import file of up to ten, everything else 64 KB.
 * {@code quarkus.http.limits.max-body-size} is only the ceiling of all routes (a bare 413), so the declared
 * {@code Content-Length} is checked here first, before a byte is read, and refused with a 413 problem naming the part;
 * a body sent in chunks, without a length, is counted against the same limit as it is read ({@link BodyLimit}).
 */
@ApplicationScoped
public class RequestBodyLimits {

    /** A route with a larger limit than the default, and the field a refusal names. */
    private record Upload(Pattern path, String field, long limit) {
    }

    private static final Pattern COMMITMENT = Pattern.compile(CommitmentResource.UPLOAD_PATH);
    private static final Pattern IMPORT = Pattern.compile(ImportResource.UPLOAD_PATH);
    /** Multipart framing around a letter. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final List<Upload> uploads;
    private final long defaultLimit;
    private final ObjectMapper json;

    RequestBodyLimits(CadreConfig config, ObjectMapper json) {
        this.uploads = List.of(new Upload(COMMITMENT, "file", config.commitmentMaxBytes() + MULTIPART_OVERHEAD),
                new Upload(IMPORT, "file", config.imports().maxBytes()));
        this.defaultLimit = config.body().maxBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        long length = parse(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        Upload upload = context.request().method() != HttpMethod.POST ? null : uploads.stream()
                .filter(route -> route.path().matcher(context.normalizedPath()).matches()).findFirst().orElse(null);
        long limit = upload == null ? defaultLimit : upload.limit();
        if (length <= limit) {
            BodyLimit.declare(context, limit); // a chunked body, without a length, is counted as it is read
            context.next();
            return;
        }
        String message = "must be at most " + limit + " bytes";
        Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE)
                .detail((upload == null ? "the request body " : upload.field() + ": ") + message)
                .instance(context.normalizedPath())
                .requestId(context.request().getHeader("X-Request-Id"))
                .errors(upload == null ? List.of() : List.of(new Problem.FieldError(upload.field(), message)))
                .build();
        try {
            // the body is read and dropped (never buffered), so a client still sending it gets the answer
            context.request().handler(ignored -> {
            }).resume();
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413, e);
        }
    }

    private static long parse(String declared) {
        if (declared == null) {
            return 0;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
