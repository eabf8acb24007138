package org.lookout.cadre.notice;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.cadre.domain.Notice;
import org.lookout.cadre.domain.NoticeStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("publishedAt").and("id");

    public Uni<Notice> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The notices of these communities, newest first; only published ones unless {@code withWithdrawn}. */
    public Uni<List<Notice>> inCommunities(Collection<String> communities, boolean withWithdrawn, int limit) {
        return (withWithdrawn ? find("communityCode in :communities", NEWEST_FIRST,
                Parameters.with("communities", communities))
                : find("communityCode in :communities and status = :published", NEWEST_FIRST,
                        Parameters.with("communities", communities).and("published", NoticeStatus.PUBLISHED)))
                .page(0, limit).list();
    }
}
