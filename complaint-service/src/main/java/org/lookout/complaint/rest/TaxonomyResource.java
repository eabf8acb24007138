package org.lookout.complaint.rest;

import java.time.Instant;
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
import org.lookout.complaint.domain.TaxonomyChange;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.service.TaxonomyItemEdit;
import org.lookout.complaint.service.TaxonomyService;
import org.lookout.security.CurrentCaller;
import org.lookout.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/api/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "taxonomy")
public class TaxonomyResource {

    public record ItemView(String code, String nameZh, String nameEn, int resolutionDays, boolean escalatesImmediately,
            List<String> escalationAgencyKinds, boolean jointEscalation, boolean confidential, boolean active) {

        static ItemView of(TaxonomyItem item) {
            return new ItemView(item.code, item.nameZh, item.nameEn, item.resolutionDays, item.escalatesImmediately,
                    item.escalationAgencyKinds.isEmpty() ? List.of() : List.of(item.escalationAgencyKinds.split(",")),
                    item.jointEscalation, item.confidential, item.active);
        }
    }

    /** One edit of an item: who (the admin's account), when, and the editable fields before and after. */
    public record AuditEntryView(String itemCode, String actor, Instant at, TaxonomyChange.Snapshot before,
            TaxonomyChange.Snapshot after) {

        static AuditEntryView of(TaxonomyChange change) {
            return new AuditEntryView(change.itemCode, change.actor, change.at, change.before, change.after);
        }
    }

    public record CategoryView(String code, String nameZh, String nameEn, List<ItemView> items) {
    }

    private final TaxonomyService taxonomy;
    private final CurrentCaller caller;

    TaxonomyResource(TaxonomyService taxonomy, CurrentCaller caller) {
        this.taxonomy = taxonomy;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The 4 categories and their items, with each item's handling defaults (public)")
    public Uni<List<CategoryView>> get() {
        return taxonomy.taxonomy().map(categories -> categories.stream()
                .map(entry -> new CategoryView(entry.category().code, entry.category().nameZh, entry.category().nameEn,
                        entry.items().stream().map(ItemView::of).toList()))
                .toList());
    }

    @PUT
    @Path("/items/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit an item's names, resolution target, confidentiality and whether it is offered (admin);"
            + " audited. Applies to new reports only: a report keeps the confidentiality it was filed with.")
    public Uni<ItemView> edit(@PathParam("code") String code, @Valid @NotNull TaxonomyItemEdit body) {
        return taxonomy.edit(code, body, caller.subject()).map(ItemView::of);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The latest 500 edits of the taxonomy, newest first, optionally of one item (admin)")
    public Uni<List<AuditEntryView>> audit(@QueryParam("itemCode") String itemCode) {
        return taxonomy.audit(itemCode).map(changes -> changes.stream().map(AuditEntryView::of).toList());
    }
}
