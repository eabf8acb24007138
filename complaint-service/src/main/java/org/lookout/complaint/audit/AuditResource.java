package org.lookout.complaint.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.audit.AuditPeriod;
import org.lookout.audit.AuditReport;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** complaint-service's audit chain: reads of reporters' identities and of confidential reports by inspectors. */
@Path("/api/complaints/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "audit")
public class AuditResource {

    private final AuditService audit;
    private final CurrentCaller caller;

    AuditResource(AuditService audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.INSPECTOR, Roles.ADMIN })
    @Operation(summary = "The audit rows of [from, to) and the verdict on the whole chain (intact, or the first edited,"
            + " missing or moved row): inspectors and admin; the read is itself audited")
    public Uni<AuditReport> report(@QueryParam("from") String from, @QueryParam("to") String to) {
        return audit.report(AuditPeriod.parse(from, to), caller.get());
    }
}
