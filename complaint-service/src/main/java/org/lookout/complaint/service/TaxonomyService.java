package org.lookout.complaint.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Category;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.repository.ReferenceDataRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TaxonomyService {

    /** A category with its items, in display order. */
    public record CategoryWithItems(Category category, List<TaxonomyItem> items) {
    }

    private final ReferenceDataRepository referenceData;

    TaxonomyService(ReferenceDataRepository referenceData) {
        this.referenceData = referenceData;
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
