package org.lookout.notification.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.lookout.notification.domain.Language;
import org.lookout.notification.recipient.CurrentInbox;
import org.lookout.problem.ProblemException;
import org.lookout.problem.Sensitive;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "notifications")
@Sensitive
public class NotificationResource {

    private final InboxService inbox;
    private final CurrentInbox caller;

    NotificationResource(InboxService inbox, CurrentInbox caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's inbox (own and group notifications), newest first",
            description = "Every role has an inbox. In zh-CN unless Accept-Language prefers en. Pages: limit (default 50,"
                    + " at most 200); the Link header (rel=next) names the next page's cursor; unread=true for unread only.")
    public Uni<RestResponse<List<NotificationView>>> inbox(HttpHeaders headers, @QueryParam("unread") boolean unread,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        Language language = Language.preferred(headers.getAcceptableLanguages());
        if (cursor != null && !cursor.matches("[1-9][0-9]{0,17}")) {
            throw ProblemException.badRequest("cursor", "must be the seq of an entry, as the Link header gives it");
        }
        Long before = cursor == null ? null : Long.valueOf(cursor);
        return inbox.page(caller.owner(), before, unread, limit).map(page -> {
            List<NotificationView> views = page.entries().stream().map(entry -> NotificationView.of(entry, language))
                    .toList();
            RestResponse.ResponseBuilder<List<NotificationView>> response = RestResponse.ResponseBuilder.ok(views)
                    .header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
            if (page.next() != null) {
                response.header("Link", "</api/notifications?cursor=" + page.next() + (unread ? "&unread=true" : "")
                        + (limit == null ? "" : "&limit=" + limit) + ">; rel=\"next\"");
            }
            return response.build();
        });
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of the caller's inbox entries are unread")
    public Uni<Map<String, Long>> unreadCount() {
        return inbox.unread(caller.owner()).map(count -> Map.of("unread", count));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Marks an entry of the caller's inbox read; 404 for anyone else's")
    public Uni<RestResponse<NotificationView>> markRead(@PathParam("id") UUID id, HttpHeaders headers) {
        Language language = Language.preferred(headers.getAcceptableLanguages());
        return inbox.markRead(id, caller.owner()).map(entry -> RestResponse.ResponseBuilder
                .ok(NotificationView.of(entry, language)).header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).build());
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Marks every entry of the caller's inbox read")
    public Uni<Map<String, Integer>> markAllRead() {
        return inbox.markAllRead(caller.owner()).map(count -> Map.of("marked", count));
    }
}
