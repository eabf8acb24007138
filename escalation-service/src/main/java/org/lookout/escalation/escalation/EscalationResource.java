package org.lookout.escalation.escalation;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.EscalationStatus;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

/**
 * Escalations as people see them: staff and supervisors escalate a report by hand; every role that deals with
 * escalations lists and reads those within its scope (the agency API that works on them is {@link AgencyWorkResource}).
 */
@Path("/api/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "escalations")
public class EscalationResource {

    private final ManualEscalations manual;
    private final InformAgency inform;
    private final EscalationReader reader;
    private final CurrentCaller caller;
    private final EscalationConfig config;

    EscalationResource(ManualEscalations manual, InformAgency inform, EscalationReader reader, CurrentCaller caller,
            EscalationConfig config) {
        this.manual = manual;
        this.inform = inform;
        this.reader = reader;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR })
    @Operation(summary = "Escalates a report by hand (staff of its community, supervisors of its street): 201 with"
            + " Location; 422 for an unknown report or agency, 404 outside the caller's scope")
    public Uni<RestResponse<EscalationView>> open(@Valid @NotNull OpenEscalationRequest body, UriInfo uri) {
        Caller opener = caller.get();
        return manual.open(body, opener).chain(opened -> reader.one(opened.id, opener))
                .map(read -> RestResponse.ResponseBuilder.<EscalationView>created(location(uri, read.escalation().id))
                        .entity(EscalationView.of(read, true, opener)).build());
    }

    @POST
    @Path("/inform")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR })
    @Operation(summary = "Copies a report to an agency for information (抄送; staff of its community, supervisors of its"
            + " street): one part of kind INFORM, no deadline; the report's state and clocks do not change. 201 with"
            + " Location; 422 for an unknown report or agency, 404 outside the caller's scope, 409 while the agency has"
            + " an open part of the report")
    public Uni<RestResponse<EscalationView>> inform(@Valid @NotNull InformAgencyRequest body, UriInfo uri) {
        Caller opener = caller.get();
        return inform.inform(body, opener).chain(opened -> reader.one(opened.id, opener))
                .map(read -> RestResponse.ResponseBuilder.<EscalationView>created(location(uri, read.escalation().id))
                        .entity(EscalationView.of(read, true, opener)).build());
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.AGENCY, Roles.ADMIN })
    @Operation(summary = "The caller's escalations, newest first: an agency those addressed to it, staff their"
            + " community's, supervisors their street's (not about officials), inspectors those about officials."
            + " limit 1-200 (default 50); the next page is in the Link header (rel=\"next\"), its cursor opaque.")
    public Uni<RestResponse<List<EscalationView>>> list(@QueryParam("status") String status,
            @QueryParam("reportId") String reportId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        Caller reader = caller.get();
        return this.reader.list(status == null ? null : statusOf(status),
                reportId == null ? null : reportIdOf(reportId),
                cursor == null || cursor.isBlank() ? null : EscalationCursor.decode(cursor.strip()), limitOf(limit),
                reader)
                .map(page -> {
                    var answer = RestResponse.ResponseBuilder.ok(page.reads().stream()
                            .map(read -> EscalationView.of(read, false, reader)).toList());
                    if (page.next() != null) {
                        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next().encode()).build();
                        answer.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
                    }
                    return answer.build();
                });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.AGENCY, Roles.ADMIN })
    @Operation(summary = "One escalation with its parts and notes (an agency reads its own notes); 404 outside the"
            + " caller's scope")
    public Uni<EscalationView> one(@PathParam("id") UUID id) {
        Caller reader = caller.get();
        return this.reader.one(id, reader).map(read -> EscalationView.of(read, true, reader));
    }

    private static EscalationStatus statusOf(String status) {
        try {
            return EscalationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + Arrays.toString(EscalationStatus.values()));
        }
    }

    private int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.listDefaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= config.listMaxLimit()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other number out of range
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + config.listMaxLimit());
    }

    private static UUID reportIdOf(String reportId) {
        try {
            return UUID.fromString(reportId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("reportId", "must be a UUID");
        }
    }

    private static URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/escalations").path(id.toString()).build();
    }
}
