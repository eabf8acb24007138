package org.lookout.complaint.note;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.NoteVisibility;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Notes on a report. A note is a contact with the report, so it is an entry of its history (and so of the community
 * ledger) without a status change; it is never published on a topic.
 */
@ApplicationScoped
public class NoteService {

    private final ReportAccess access;
    private final ReportRepository reports;
    private final NoteRepository notes;
    private final Clock clock;

    NoteService(ReportAccess access, ReportRepository reports, NoteRepository notes, Clock clock) {
        this.access = access;
        this.reports = reports;
        this.notes = notes;
        this.clock = clock;
    }

    /** Staff of the report's community or a supervisor of its street; 404 outside that scope. */
    @WithTransaction
    public Uni<NoteView> add(UUID reportId, @Valid AddNoteRequest request, Caller caller) {
        return access.toWork(reportId, caller)
                .chain(report -> reports.append(ReportHistoryEntry.note(report.id,
                        caller.actingRole().orElse(Roles.STAFF), request.text(), request.visibility(),
                        clock.instant())))
                .map(NoteView::of);
    }

    /** The notes the caller may read, oldest first: INTERNAL ones only for the officials who may see the report. */
    @WithSession
    public Uni<List<NoteView>> list(UUID reportId, Caller caller) {
        Set<NoteVisibility> readable = ReportAccess.readsInternalNotes(caller) ? EnumSet.allOf(NoteVisibility.class)
                : EnumSet.of(NoteVisibility.PUBLIC);
        return access.toRead(reportId, caller).chain(report -> notes.notes(report.id, readable))
                .map(entries -> entries.stream().map(NoteView::of).toList());
    }
}
