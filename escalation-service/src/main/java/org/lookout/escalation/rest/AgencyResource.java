package org.lookout.escalation.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.escalation.domain.Agency;
import org.lookout.escalation.domain.AgencyKind;
import org.lookout.escalation.service.AgencyService;
import org.lookout.problem.ProblemException;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agencies")
public class AgencyResource {

    private static final String CODE = "[a-z0-9][a-z0-9-]{1,39}";

    public record AgencyView(String code, String kind, String nameZh, String nameEn, String jurisdiction,
            String oidcClientId, String webhookUrl, boolean active, Instant updatedAt) {

        static AgencyView of(Agency agency) {
            return new AgencyView(agency.code, agency.kind.name(), agency.nameZh, agency.nameEn, agency.jurisdiction,
                    agency.oidcClientId, agency.webhookUrl, agency.active, agency.updatedAt);
        }
    }

    /** An entry as an administrator writes it; {@code active} defaults to true. */
    public record AgencyInput(
            @NotNull AgencyKind kind,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            @NotNull @Pattern(regexp = "[A-Z0-9]{2,16}", message = "must be a street or district code such as DCYJD")
            String jurisdiction,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be an OIDC client id") String oidcClientId,
            @Size(max = 500) String webhookUrl,
            Boolean active) {
    }

    private final AgencyService agencies;
    private final CurrentCaller caller;

    AgencyResource(AgencyService agencies, CurrentCaller caller) {
        this.agencies = agencies;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The agency directory, by code (staff, supervisor, admin)")
    public Uni<List<AgencyView>> all() {
        return agencies.all().map(found -> found.stream().map(AgencyView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One agency of the directory (staff, supervisor, admin)")
    public Uni<AgencyView> one(@PathParam("code") String code) {
        return agencies.byCode(code).map(AgencyView::of);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Creates (201) or replaces (200) an agency of the directory (admin); audited")
    public Uni<RestResponse<AgencyView>> put(@PathParam("code") String code, @Valid @NotNull AgencyInput body) {
        if (!code.matches(CODE)) {
            throw ProblemException.badRequest("code", "must be lower-case letters, digits and dashes, 2 to 40 long");
        }
        AgencyService.AgencyEntry entry = new AgencyService.AgencyEntry(body.kind(), body.nameZh(), body.nameEn(),
                body.jurisdiction(), body.oidcClientId(), body.webhookUrl(), body.active() == null || body.active());
        return agencies.put(code, entry, caller.subject()).map(saved -> RestResponse.status(
                saved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, AgencyView.of(saved.agency())));
    }
}
