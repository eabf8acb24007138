package org.lookout.notification.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.notification.recipient.CurrentInbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "notification preferences")
public class PreferenceResource {

    private final PreferenceService preferences;
    private final CurrentInbox inbox;

    PreferenceResource(PreferenceService preferences, CurrentInbox inbox) {
        this.preferences = preferences;
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "The caller's language and channels per notification kind (every role)")
    public Uni<PreferencesView> get() {
        return preferences.of(inbox.owner());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the caller's language and channels per kind; mandatory kinds cannot be switched off")
    public Uni<PreferencesView> put(@Valid @NotNull SavePreferencesRequest body) {
        return preferences.save(inbox.owner(), body);
    }
}
