package org.lookout.complaint.taxonomy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.lookout.complaint.domain.Category;
import org.lookout.complaint.domain.ItemQuestionsChange;
import org.lookout.complaint.domain.TaxonomyChange;
import org.lookout.complaint.domain.TaxonomyItem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The taxonomy: read often, changed by admin only, each change audited. */
@ApplicationScoped
public class TaxonomyRepository {

    public Uni<TaxonomyItem> item(String code) {
        return session().chain(session -> session.find(TaxonomyItem.class, code));
    }

    /** The item, locked until the end of the transaction, so two edits of one item are audited one after the other. */
    Uni<TaxonomyItem> itemForUpdate(String code) {
        return session().chain(session -> session.find(TaxonomyItem.class, code, LockMode.PESSIMISTIC_WRITE));
    }

    Uni<TaxonomyChange> append(TaxonomyChange change) {
        return session().chain(session -> session.persist(change)).replaceWith(change);
    }

    /** The latest edits, newest first; of one item when {@code itemCode} is given. */
    Uni<List<TaxonomyChange>> changes(String itemCode, int limit) {
        String where = itemCode == null ? "" : " where itemCode = :item";
        return session().chain(session -> {
            var query = session.createQuery("from TaxonomyChange" + where + " order by at desc, id desc",
                    TaxonomyChange.class).setMaxResults(limit);
            return (itemCode == null ? query : query.setParameter("item", itemCode)).getResultList();
        });
    }

    Uni<ItemQuestionsChange> append(ItemQuestionsChange change) {
        return session().chain(session -> session.persist(change)).replaceWith(change);
    }

    /** The latest edits of an item's questions, newest first. */
    Uni<List<ItemQuestionsChange>> questionChanges(String itemCode, int limit) {
        return session().chain(session -> session.createQuery(
                "from ItemQuestionsChange where itemCode = :item order by at desc, id desc", ItemQuestionsChange.class)
                .setParameter("item", itemCode).setMaxResults(limit).getResultList());
    }

    /** The categories in display order. */
    public Uni<List<Category>> categories() {
        return session().chain(session -> session.createQuery("from Category order by sort", Category.class).getResultList());
    }

    /** Every item, by category and display order. */
    public Uni<List<TaxonomyItem>> items() {
        return session().chain(session -> session
                .createQuery("from TaxonomyItem order by categoryCode, sort", TaxonomyItem.class).getResultList());
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
