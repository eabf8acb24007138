package org.lookout.notification.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.notification.recipient.CurrentInbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/notifications/me/contact")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "notification preferences")
public class ContactResource {

    private final ContactService contacts;
    private final CurrentInbox inbox;

    ContactResource(ContactService contacts, CurrentInbox inbox) {
        this.contacts = contacts;
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "The email address and phone number the caller gave, and whether each is verified")
    public Uni<ContactView> get() {
        return contacts.of(inbox.owner());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the caller's email address and phone number; a code goes to each new one to verify it")
    public Uni<ContactView> put(@Valid @NotNull SaveContactRequest body) {
        return contacts.save(inbox.owner(), body, inbox.verifiedEmail());
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verifies the new email address or phone number with the code sent there; 422 for a wrong code")
    public Uni<ContactView> verify(@Valid @NotNull VerifyContactRequest body) {
        return contacts.verify(inbox.owner(), body);
    }
}
