package org.lookout.complaint.lifecycle;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.domain.ReportRepository;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads of reports, each checked against the caller's scope; outside it a report is answered as absent (404). */
@ApplicationScoped
public class ReportQueryService {

    private final ReportRepository reports;
    private final ReportAccess access;

    ReportQueryService(ReportRepository reports, ReportAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @WithSession
    public Uni<ReportView> find(UUID id, Caller caller) {
        return access.toRead(id, caller).map(ReportView::of);
    }

    /** The report's history, for those who may see the report; INTERNAL notes only for the officials. */
    @WithSession
    public Uni<List<HistoryEntryView>> history(UUID id, Caller caller) {
        boolean internal = ReportAccess.readsInternalNotes(caller);
        return access.toRead(id, caller).chain(report -> reports.history(report.id))
                .map(entries -> entries.stream().map(entry -> HistoryEntryView.of(entry, internal)).toList());
    }
}
