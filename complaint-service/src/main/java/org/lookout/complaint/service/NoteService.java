package org.lookout.complaint.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.NoteVisibility;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.repository.NoteRepository;
import org.lookout.complaint.repository.ReportRepository;
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

    private final ReportQueryService queries;
    private final ReportRepository reports;
    private final NoteRepository notes;
    private final Clock clock;

    NoteService(ReportQueryService queries, ReportRepository reports, NoteRepository notes, Clock clock) {
        this.queries = queries;
        this.reports = reports;
        this.notes = notes;
        this.clock = clock;
    }

    /** Staff of the report's community or a supervisor of its street; 404 outside that scope. */
    @WithTransaction
    public Uni<ReportHistoryEntry> add(UUID reportId, @Valid AddNote command, Caller caller) {
        return queries.find(reportId, caller).chain(report -> {
            ReportHistoryEntry entry = new ReportHistoryEntry();
            entry.reportId = report.id;
            entry.at = clock.instant();
            entry.actorRole = caller.is(Roles.STAFF) ? Roles.STAFF : Roles.SUPERVISOR;
            entry.note = command.text().strip();
            entry.noteVisibility = command.visibility();
            return reports.append(entry);
        });
    }

    /** The notes the caller may read, oldest first: INTERNAL ones only for the officials who may see the report. */
    @WithSession
    public Uni<List<ReportHistoryEntry>> list(UUID reportId, Caller caller) {
        Set<NoteVisibility> readable = queries.readsInternalNotes(caller) ? EnumSet.allOf(NoteVisibility.class)
                : EnumSet.of(NoteVisibility.PUBLIC);
        return queries.find(reportId, caller).chain(report -> notes.notes(report.id, readable));
    }
}
