package org.lookout.complaint.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.Category;
import org.lookout.complaint.domain.TaxonomyChange;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.repository.ReferenceDataRepository;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The taxonomy of ARCHITECTURE §4: read by everyone, edited by admin with an audit trail. */
@ApplicationScoped
public class TaxonomyService {

    /** A category with its items, in display order. */
    public record CategoryWithItems(Category category, List<TaxonomyItem> items) {
    }

    /** Reports about officials are always confidential (ARCHITECTURE §4): no edit lifts that. */
    private static final String ALWAYS_CONFIDENTIAL = "cadre-conduct";
    private static final int AUDIT_PAGE = 500;

    private final ReferenceDataRepository referenceData;
    private final Clock clock;

    TaxonomyService(ReferenceDataRepository referenceData, Clock clock) {
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** Sets an item's editable fields, audited with the fields before and after; 404 for an unknown item. */
    @WithTransaction
    public Uni<TaxonomyItem> edit(String code, @Valid TaxonomyItemEdit edit, String actor) {
        if (ALWAYS_CONFIDENTIAL.equals(code) && !edit.confidential()) {
            throw ProblemException.unprocessable("confidential", "reports about officials are always confidential");
        }
        return referenceData.itemForUpdate(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("taxonomy item " + code))
                .chain(item -> {
                    TaxonomyChange change = new TaxonomyChange();
                    change.itemCode = item.code;
                    change.actor = actor;
                    change.at = clock.instant();
                    change.before = TaxonomyChange.Snapshot.of(item);
                    item.nameZh = edit.nameZh().strip();
                    item.nameEn = edit.nameEn().strip();
                    item.resolutionDays = edit.resolutionDays();
                    item.confidential = edit.confidential();
                    item.active = edit.active();
                    change.after = TaxonomyChange.Snapshot.of(item);
                    return referenceData.append(change).replaceWith(item);
                });
    }

    /** The latest 500 edits, newest first; of one item when {@code itemCode} is given. */
    @WithSession
    public Uni<List<TaxonomyChange>> audit(String itemCode) {
        return referenceData.changes(itemCode, AUDIT_PAGE);
    }

    @WithSession
    public Uni<List<CategoryWithItems>> taxonomy() {
        return referenceData.categories().chain(categories -> referenceData.items().map(items -> {
            Map<String, List<TaxonomyItem>> byCategory = items.stream()
                    .collect(Collectors.groupingBy(item -> item.categoryCode));
            return categories.stream()
                    .map(category -> new CategoryWithItems(category, byCategory.getOrDefault(category.code, List.of())))
                    .toList();
        }));
    }
}
