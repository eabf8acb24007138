package org.lookout.cadre.archive;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.domain.ArchiveEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ArchiveRepository implements PanacheRepositoryBase<ArchiveEntry, UUID> {

    /** An official's archive, oldest first. */
    public Uni<List<ArchiveEntry>> of(UUID officialId) {
        return list("officialId", Sort.by("recordedAt").and("id"), officialId);
    }

    public Uni<List<ArchiveEntry>> ofOfficial(UUID officialId, Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : list("officialId = :official and id in :ids", Parameters.with("official", officialId).and("ids", ids));
    }

    public Uni<Boolean> hasConcernOf(UUID supervisionRecordId) {
        return count("supervisionRecordId = ?1 and kind = org.lookout.cadre.domain.ArchiveKind.CONCERN"
                + " and supersedes is null", supervisionRecordId).map(found -> found > 0);
    }
}
