package org.lookout.complaint.messaging.outgoing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.PublishedRevision;
import org.lookout.complaint.domain.TaxonomyItem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The reference-data rows whose current revision was never published, locked for this transaction; rows another
 * instance (or an edit) holds are skipped, as that one publishes them.
 */
@ApplicationScoped
public class UnpublishedRevisionRepository {

    Uni<List<TaxonomyItem>> lockItems() {
        return lock(TaxonomyItem.class, "taxonomy_item");
    }

    Uni<List<Community>> lockCommunities() {
        return lock(Community.class, "community");
    }

    private static <T extends PublishedRevision> Uni<List<T>> lock(Class<T> type, String table) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select * from " + table
                + " where published_revision < revision order by code for update skip locked", type)
                .getResultList());
    }
}
