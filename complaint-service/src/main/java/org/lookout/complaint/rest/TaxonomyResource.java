package org.lookout.complaint.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lookout.complaint.service.TaxonomyService;

import io.smallrye.mutiny.Uni;

@Path("/api/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "taxonomy")
public class TaxonomyResource {

    public record ItemView(String code, String nameZh, String nameEn, int resolutionDays, boolean escalatesImmediately,
            List<String> escalationAgencyKinds, boolean jointEscalation, boolean confidential) {
    }

    public record CategoryView(String code, String nameZh, String nameEn, List<ItemView> items) {
    }

    private final TaxonomyService taxonomy;

    TaxonomyResource(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    @Operation(summary = "The 4 categories and their items, with each item's handling defaults (public)")
    public Uni<List<CategoryView>> get() {
        return taxonomy.taxonomy().map(categories -> categories.stream()
                .map(entry -> new CategoryView(entry.category().code, entry.category().nameZh, entry.category().nameEn,
                        entry.items().stream().map(item -> new ItemView(item.code, item.nameZh, item.nameEn,
                                item.resolutionDays, item.escalatesImmediately,
                                item.escalationAgencyKinds.isEmpty() ? List.of() : List.of(item.escalationAgencyKinds.split(",")),
                                item.jointEscalation, item.confidential)).toList()))
                .toList());
    }
}
