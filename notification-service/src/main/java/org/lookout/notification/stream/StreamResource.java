package org.lookout.notification.stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.notification.domain.Language;
import org.lookout.notification.recipient.CurrentInbox;
import org.lookout.problem.ProblemException;
import org.lookout.problem.SensitiveAnswers;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;

@Path("/api/notifications/stream")
@Authenticated
@Tag(name = "notifications")
public class StreamResource {

    private final StreamHub hub;
    private final CurrentInbox inbox;

    StreamResource(StreamHub hub, CurrentInbox inbox) {
        this.hub = hub;
        this.inbox = inbox;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The caller's inbox live (Server-Sent Events), resumable with Last-Event-ID",
            description = "Each new entry of the caller's inbox as an event 'notification' whose id is its seq and whose"
                    + " data is the entry in the caller's language. Reconnect with Last-Event-ID (the last id received)"
                    + " to get exactly what was missed, also after a restart. A comment line every 10 s keeps it open.")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpHeaders headers,
            @Context HttpServerResponse response, @HeaderParam("Last-Event-ID") String lastEventId) {
        Long from = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            if (!lastEventId.strip().matches("[0-9]{1,18}")) {
                throw ProblemException.badRequest("Last-Event-ID", "must be the id of an event this stream sent");
            }
            from = Long.parseLong(lastEventId.strip());
        }
        // the live inbox is a sensitive answer like the inbox; a stream passes no response filter (@Sensitive), so
        // its headers are set here, before the first event writes the head
        SensitiveAnswers.headers().forEach((name, values) -> response.putHeader(name, values));
        hub.open(inbox.owner(), Language.preferred(headers.getAcceptableLanguages()), from, sink, sse);
    }
}
