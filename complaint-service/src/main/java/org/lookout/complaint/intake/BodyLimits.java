package org.lookout.complaint.intake;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.complaint.config.PublicIntakeConfig;
import org.lookout.complaint.attachment.AttachmentResource;
import org.lookout.complaint.attachment.AttachmentService;
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
 * Request body limits per route: the attachment upload takes a file of some megabytes, a report from the public its
 * photos, everything else at most 1 MB.
 * {@code quarkus.http.limits.max-body-size} is only the ceiling of all routes (and answers a bare 413), so the declared
 * {@code Content-Length} is checked here first, before a byte is read, and refused with a 413 problem. A chunked body
 * without a length is counted against the same limit as it is read ({@link BodyLimit}: the entity bodies; the same 413
 * problem), a chunked upload bounded by the ceiling here and by the gateway's per-route count.
 */
@ApplicationScoped
public class BodyLimits {

    private static final Pattern UPLOAD = Pattern.compile(AttachmentResource.UPLOAD_PATH);
    /** A report from the public with its photos. */
    private static final Pattern PUBLIC_REPORT = Pattern.compile("/api/public/reports/?");

    private final IntakeConfig config;
    private final PublicIntakeConfig publicIntake;
    private final ObjectMapper json;

    BodyLimits(IntakeConfig config, PublicIntakeConfig publicIntake, ObjectMapper json) {
        this.config = config;
        this.publicIntake = publicIntake;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = parse(declared);
        boolean upload = context.request().method() == HttpMethod.POST
                && UPLOAD.matcher(context.normalizedPath()).matches();
        boolean publicReport = context.request().method() == HttpMethod.POST
                && PUBLIC_REPORT.matcher(context.normalizedPath()).matches();
        long limit = upload ? config.attachmentBodyMaxBytes()
                : publicReport ? publicIntake.bodyMaxBytes() : config.bodyMaxBytes();
        if (length <= limit) {
            BodyLimit.declare(context, limit); // a chunked body, without a length, is counted as it is read
            context.next();
            return;
        }
        String message = "must be at most " + limit + " bytes";
        Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE)
                .detail((upload ? AttachmentService.FIELD + ": " : "the request body ") + message)
                .instance(context.normalizedPath())
                .requestId(context.request().getHeader("X-Request-Id"))
                .errors(upload ? List.of(new Problem.FieldError(AttachmentService.FIELD, message)) : List.of())
                .build();
        try {
            // the body is read and dropped (never buffered), so that a client still sending it gets the answer
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
            return 0; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
