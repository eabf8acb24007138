package org.lookout.complaint.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.config.IntakeConfig;
import org.lookout.complaint.domain.ReferenceCache;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What intake needs of a taxonomy item, from memory ({@link ReferenceCache}); {@link TaxonomyService}'s edits forget
 * the item once they have committed.
 */
@ApplicationScoped
public class ItemFacts {

    /** An item as intake sees it: its category, whether its reports are confidential and whether it takes new ones. */
    public record Item(String code, String categoryCode, boolean confidential, boolean active) {
    }

    private final TaxonomyRepository taxonomy;
    private final ReferenceCache<Item> cache;

    ItemFacts(TaxonomyRepository taxonomy, IntakeConfig config) {
        this.taxonomy = taxonomy;
        this.cache = new ReferenceCache<>(config.referenceCacheTtl());
    }

    /**
     * The item, null for an unknown code; when it is not in memory, looked up in a session of its own (or the
     * current one).
     */
    public Uni<Item> of(String code) {
        return cache.get(code, key -> Panache.withSession(() -> taxonomy.item(key))
                .map(item -> item == null ? null
                        : new Item(item.code, item.categoryCode, item.confidential, item.active)));
    }

    void forget(String code) {
        cache.forget(code);
    }
}
