package org.lookout.cadre.imports;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.lookout.cadre.domain.ImportJob;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** The job, locked: one batch at a time, whichever instance runs it. */
    public Uni<ImportJob> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<UUID>> running() {
        return list("status", Sort.by("startedAt"), ImportJob.RUNNING)
                .map(found -> found.stream().map(job -> job.id).toList());
    }
}
