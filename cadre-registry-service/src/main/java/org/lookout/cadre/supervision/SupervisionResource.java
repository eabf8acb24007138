package org.lookout.cadre.supervision;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.audit.AccessReason;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.SupervisionStatus;
import org.lookout.problem.ProblemException;
import org.lookout.problem.Sensitive;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** 监督信息 about officials: inspectors read and handle it; information officers file it. */
@Path("/api/cadres/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "supervision")
@Sensitive
public class SupervisionResource {

    private final SupervisionService supervision;
    private final CurrentCaller caller;

    SupervisionResource(SupervisionService supervision, CurrentCaller caller) {
        this.supervision = supervision;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOOKOUT)
    @Operation(summary = "An information officer (a lookout with informationOfficer) files supervision information about"
            + " an official of their community; always confidential; 201 with a tracking code")
    public Uni<Response> file(@Valid @NotNull FileSupervisionRequest request) {
        if (!caller.get().isInformationOfficer()) {
            throw ProblemException.forbidden("only information officers (干部监督信息员) file supervision information here");
        }
        return supervision.file(request.text(), caller.get()).map(record -> Response
                .created(URI.create("/api/cadres/supervision/track/" + record.trackingCode))
                .entity(FilingReceiptView.of(record)).build());
    }

    @GET
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "The supervision records of the inspector's streets, newest first (status=, overdue=true, page=);"
            + " X-Access-Reason required, the read audited")
    public Uni<List<SupervisionView>> list(@HeaderParam(AccessReason.HEADER) String reason,
            @QueryParam("status") SupervisionStatus status, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(CadreConfig.MAX_PAGE) int page) {
        return supervision.list(caller.get(), AccessReason.require(reason), status, overdue, page)
                .map(found -> found.stream().map(SupervisionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "One supervision record; X-Access-Reason required, the read audited; 404 outside the streets")
    public Uni<SupervisionView> get(@PathParam("id") UUID id, @HeaderParam(AccessReason.HEADER) String reason) {
        return supervision.get(id, caller.get(), AccessReason.require(reason)).map(SupervisionView::of);
    }

    @GET
    @Path("/track/{code}")
    @PermitAll
    @Operation(summary = "What the filer of a comment or an entry sees with their tracking code: received, accepted or"
            + " concluded (public)")
    public Uni<TrackingView> track(@PathParam("code") String code) {
        return supervision.track(code);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Accept (受理) a received record; a real-name reporter is told")
    public Uni<SupervisionView> accept(@PathParam("id") UUID id) {
        return supervision.accept(id, caller.get()).map(SupervisionView::of);
    }

    @POST
    @Path("/{id}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Link the record to the registered official it is about")
    public Uni<SupervisionView> link(@PathParam("id") UUID id, @Valid @NotNull LinkOfficialRequest request) {
        return supervision.link(id, request.officialId(), caller.get()).map(SupervisionView::of);
    }

    @POST
    @Path("/{id}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Record what was found (until the record is concluded)")
    public Uni<SupervisionView> findings(@PathParam("id") UUID id, @Valid @NotNull RecordFindingsRequest request) {
        return supervision.recordFindings(id, request.findings().strip(), caller.get()).map(SupervisionView::of);
    }

    @POST
    @Path("/{id}/conclude")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Conclude an accepted record in-house: 谈话函询, 初步核实, 暂存待查 or 予以了结")
    public Uni<SupervisionView> conclude(@PathParam("id") UUID id, @Valid @NotNull ConcludeSupervisionRequest request) {
        return supervision.conclude(id, request.disposition(), request.summary().strip(), request.substantiated(),
                caller.get()).map(SupervisionView::of);
    }

    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTOR)
    @Operation(summary = "Forward to the discipline organ (tip-off-forwarded); escalation-service opens the escalation")
    public Uni<SupervisionView> forward(@PathParam("id") UUID id, @Valid @NotNull ForwardSupervisionRequest request) {
        return supervision.forward(id, request.accusedHeadsReceivingBody(), caller.get()).map(SupervisionView::of);
    }
}
