package org.lookout.complaint.taxonomy;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.complaint.domain.ItemQuestion;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "taxonomy")
public class TaxonomyResource {

    private final TaxonomyService taxonomy;
    private final CurrentCaller caller;

    TaxonomyResource(TaxonomyService taxonomy, CurrentCaller caller) {
        this.taxonomy = taxonomy;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The 4 categories and their items, with each item's handling defaults (public)")
    public Uni<List<CategoryView>> get() {
        return taxonomy.taxonomy();
    }

    @PUT
    @Path("/items/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit an item's names, resolution target, confidentiality and whether it is offered (admin);"
            + " audited. Applies to new reports only: a report keeps the confidentiality it was filed with.")
    public Uni<ItemView> edit(@PathParam("code") String code, @Valid @NotNull EditItemRequest body) {
        return taxonomy.edit(code, body, caller.subject());
    }

    @PUT
    @Path("/items/{code}/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit whether an item's reports escalate at once, to which agency kinds, jointly, and which"
            + " kind leads, and where a breach of its resolution clock goes (resolutionBreachAgencyKind; left out: the"
            + " report's street) (admin); audited, applies to reports accepted afterwards.")
    public Uni<ItemView> editEscalation(@PathParam("code") String code, @Valid @NotNull EditEscalationRulesRequest body) {
        return taxonomy.editEscalation(code, body, caller.subject());
    }

    @GET
    @Path("/items/{code}/questions")
    @Operation(summary = "An item's extra questions in display order (public): Open311 offers them as the service's"
            + " attributes")
    public Uni<List<ItemQuestion>> questions(@PathParam("code") String code) {
        return taxonomy.questions(code);
    }

    @PUT
    @Path("/items/{code}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set an item's extra questions as one list in display order (admin); audited. Each: code,"
            + " datatype (string, number, datetime, text, singlevaluelist, multivaluelist), required, prompt and hint"
            + " in both languages, options of a list question.")
    public Uni<List<ItemQuestion>> editQuestions(@PathParam("code") String code,
            @Valid @NotNull EditQuestionsRequest body) {
        return taxonomy.editQuestions(code, body, caller.subject());
    }

    @GET
    @Path("/items/{code}/questions/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The latest 500 edits of an item's questions, newest first (admin)")
    public Uni<List<QuestionsAuditEntryView>> questionsAudit(@PathParam("code") String code) {
        return taxonomy.questionsAudit(code);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The latest 500 edits of the taxonomy, newest first, optionally of one item (admin)")
    public Uni<List<AuditEntryView>> audit(@QueryParam("itemCode") String itemCode) {
        return taxonomy.audit(itemCode);
    }
}
