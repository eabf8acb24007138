package org.lookout.complaint.note;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.NoteVisibility;
import org.lookout.complaint.domain.ReportHistoryEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The notes of a report: the entries of its history that carry a visibility. */
@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<ReportHistoryEntry, Long> {

    public Uni<List<ReportHistoryEntry>> notes(UUID reportId, Set<NoteVisibility> visibilities) {
        return list("reportId = ?1 and noteVisibility in ?2", Sort.by("id"), reportId, visibilities);
    }
}
