package org.lookout.notification.sms;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/notifications/sms-outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sms")
public class SmsOutboxResource {

    private final SmsOutboxRepository outbox;

    SmsOutboxResource(SmsOutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What the development SMS provider recorded, newest first (admin)")
    public Uni<List<SmsMessageView>> newest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return outbox.newest(limit);
    }
}
