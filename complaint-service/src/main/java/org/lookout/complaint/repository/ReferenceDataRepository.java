package org.lookout.complaint.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.lookout.complaint.domain.Category;
import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.TaxonomyItem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Taxonomy and communities: read often, changed by admin only. */
@ApplicationScoped
public class ReferenceDataRepository {

    public Uni<TaxonomyItem> item(String code) {
        return session().chain(session -> session.find(TaxonomyItem.class, code));
    }

    public Uni<Community> community(String code) {
        return session().chain(session -> session.find(Community.class, code));
    }

    public Uni<List<Category>> categories() {
        return session().chain(session -> session.createQuery("from Category order by sort", Category.class).getResultList());
    }

    public Uni<List<TaxonomyItem>> items() {
        return session().chain(session -> session
                .createQuery("from TaxonomyItem order by categoryCode, sort", TaxonomyItem.class).getResultList());
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
