package org.lookout.notification.inbox;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.notification.domain.Language;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "notifications")
public class NotificationResource {

    private final InboxService inbox;
    private final CurrentCaller caller;

    NotificationResource(InboxService inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT })
    @Operation(summary = "The caller's inbox, newest first",
            description = "In zh-CN unless Accept-Language prefers en.")
    public Uni<RestResponse<List<NotificationView>>> inbox(HttpHeaders headers) {
        Language language = Language.preferred(headers.getAcceptableLanguages());
        return inbox.inbox(caller.subject())
                .map(entries -> entries.stream().map(entry -> NotificationView.of(entry, language)).toList())
                .map(views -> localised(views, language));
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({ Roles.RESIDENT, Roles.LOOKOUT })
    @Operation(summary = "Mark an entry of the caller's inbox read; 404 for anyone else's")
    public Uni<RestResponse<NotificationView>> markRead(@PathParam("id") UUID id, HttpHeaders headers) {
        Language language = Language.preferred(headers.getAcceptableLanguages());
        return inbox.markRead(id, caller.subject())
                .map(entry -> localised(NotificationView.of(entry, language), language));
    }

    private static <T> RestResponse<T> localised(T entity, Language language) {
        return RestResponse.ResponseBuilder.ok(entity).header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).build();
    }
}
