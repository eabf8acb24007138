package org.lookout.complaint.action;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Community;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportAction;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Actions, and the reports worked in them. */
@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<ReportAction, UUID> {

    /** The reports worked in an action, by tracking number. */
    Uni<List<Report>> reportsOf(UUID actionId) {
        return getSession().chain(session -> session
                .createQuery("from Report where actionId = :action order by trackingNumber", Report.class)
                .setParameter("action", actionId).getResultList());
    }

    Uni<List<Report>> reports(Collection<UUID> ids) {
        return getSession().chain(session -> session.createQuery("from Report where id in :ids", Report.class)
                .setParameter("ids", ids).getResultList());
    }

    /** The actions of some communities (all when {@code communities} is null), newest first, at most 500. */
    Uni<List<ReportAction>> ofCommunities(Collection<String> communities) {
        return communities == null ? findAll(Sort.descending("createdAt")).range(0, 499).list()
                : find("communityCode in ?1", Sort.descending("createdAt"), communities).range(0, 499).list();
    }

    /** The codes of a street's communities. */
    Uni<List<String>> communitiesOf(String street) {
        return getSession().chain(session -> session
                .createQuery("select code from Community where streetCode = :street", String.class)
                .setParameter("street", street).getResultList());
    }

    Uni<Community> community(String code) {
        return getSession().chain(session -> session.find(Community.class, code));
    }
}
