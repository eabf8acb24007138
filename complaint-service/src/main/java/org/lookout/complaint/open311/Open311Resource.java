package org.lookout.complaint.open311;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/**
 * Open311 GeoReport v2 (and the {@code servicerequestupdates} extension) under {@code /open311/v2/}: every resource
 * in XML and JSON by the path's extension, exactly {@code text/xml} or {@code application/json} (UTF-8). Reads need no
 * key; a POST needs {@code api_key}. Errors are the spec's list of {@code {code, description}} ({@link Open311Errors}).
 * Any {@code Accept} is answered: the extension, not the header, chooses the format.
 */
@Path("/open311")
@PermitAll
@Tag(name = "open311")
public class Open311Resource {

    private static final String FORMAT = "{format: xml|json}";
    private static final String JURISDICTION = "jurisdiction_id";

    private final Open311Service open311;

    Open311Resource(Open311Service open311) {
        this.open311 = open311;
    }

    @GET
    @Path("/v2/discovery." + FORMAT)
    @Operation(summary = "Service discovery: the production and the test endpoint, their formats, how to get a key")
    public Uni<Response> discovery(@PathParam("format") String format) {
        return answer(open311.discovery(), format);
    }

    @GET
    @Path("/v2/services." + FORMAT)
    @Operation(summary = "The services: every taxonomy item the public may file, in the language of Accept-Language")
    public Uni<Response> services(@PathParam("format") String format, @QueryParam(JURISDICTION) String jurisdictionId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return answer(open311.services(optional(jurisdictionId), language(language)), format);
    }

    @GET
    @Path("/v2/services/{code: [\\w-]+}." + FORMAT)
    @Operation(summary = "A service definition: the item's extra questions as attributes; 404 for a service not offered")
    public Uni<Response> definition(@PathParam("code") String code, @PathParam("format") String format,
            @QueryParam(JURISDICTION) String jurisdictionId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return answer(open311.definition(code, optional(jurisdictionId), language(language)), format);
    }

    @POST
    @Path("/v2/requests." + FORMAT)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "File a request (application/x-www-form-urlencoded, api_key required): a report on the"
            + " OPEN311 channel in the community whose boundary holds lat/long; Idempotency-Key honoured")
    public Uni<Response> submit(@PathParam("format") String format, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, byte[] body) {
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(MediaType.valueOf(type))) {
            throw ProblemException.badRequest("Content-Type", "must be application/x-www-form-urlencoded");
        }
        SubmitServiceRequestRequest request = SubmitServiceRequestRequest.from(Open311Form.parse(body));
        Open311Format answered = Open311Format.of(format).orElseThrow();
        return open311.submit(request, language(language)).map(filed -> Response
                .created(URI.create("/open311/v2/requests/" + filed.serviceRequestId() + "." + format))
                .entity(filed.answer().render(answered))
                .header(HttpHeaders.CONTENT_TYPE, answered.contentType()).build());
    }

    @GET
    @Path("/v2/requests." + FORMAT)
    @Operation(summary = "Requests, newest first, at most 1,000: by service_request_id (comma-separated), or by"
            + " service_code, status (open, closed) and start_date/end_date (default: the last 90 days)")
    public Uni<Response> requests(@PathParam("format") String format, @QueryParam(JURISDICTION) String jurisdictionId,
            @QueryParam("service_request_id") String serviceRequestId, @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
            @QueryParam("status") String status, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Open311Service.RequestsParameters parameters = new Open311Service.RequestsParameters(optional(jurisdictionId),
                optional(serviceRequestId), optional(serviceCode), optional(startDate), optional(endDate),
                optional(status));
        return answer(open311.requests(parameters, language(language)), format);
    }

    @GET
    @Path("/v2/requests/{id: [\\w-]+}." + FORMAT)
    @Operation(summary = "One request by its service_request_id (the tracking number)")
    public Uni<Response> request(@PathParam("id") String id, @PathParam("format") String format,
            @QueryParam(JURISDICTION) String jurisdictionId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return answer(open311.request(id, optional(jurisdictionId), language(language)), format);
    }

    @GET
    @Path("/v2/tokens/{token: [\\w-]+}." + FORMAT)
    @Operation(summary = "The service_request_id of a token: a report id as Lookout's REST API and events carry it")
    public Uni<Response> token(@PathParam("token") String token, @PathParam("format") String format,
            @QueryParam(JURISDICTION) String jurisdictionId) {
        return answer(open311.token(token, optional(jurisdictionId)), format);
    }

    @GET
    @Path("/v2/servicerequestupdates." + FORMAT)
    @Operation(summary = "Every public update listed in [start_date, end_date) (default: the last day), in listing"
            + " order: poll back-to-back windows and see each update once")
    public Uni<Response> updates(@PathParam("format") String format, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam(JURISDICTION) String jurisdictionId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return answer(open311.updates(optional(startDate), optional(endDate), optional(jurisdictionId),
                language(language)), format);
    }

    @GET
    @Path("/{path: .*}")
    @Operation(summary = "Any other path under /open311: 404 in the spec's error shape")
    public Response unknown(@PathParam("path") String path) {
        throw ProblemException.notFound("/open311/" + path);
    }

    @POST
    @Path("/{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Any other path under /open311: 404 in the spec's error shape")
    public Response unknownPost(@PathParam("path") String path) {
        throw ProblemException.notFound("/open311/" + path);
    }

    private Language language(String acceptLanguage) {
        return Language.of(acceptLanguage, open311.defaultLanguage());
    }

    private static Uni<Response> answer(Uni<Open311Document> document, String extension) {
        Open311Format format = Open311Format.of(extension).orElseThrow();
        return document.map(answer -> Response.ok(answer.render(format))
                .header(HttpHeaders.CONTENT_TYPE, format.contentType()).build());
    }

    /** The spec's rule: an empty parameter is one not sent. */
    private static String optional(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter.strip();
    }
}
