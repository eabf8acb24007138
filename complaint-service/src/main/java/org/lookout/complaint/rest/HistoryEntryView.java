package org.lookout.complaint.rest;

import java.time.Instant;

import org.lookout.complaint.domain.ReportHistoryEntry;

/** One step of a report's history: which change, when, in which role, with the note given. */
public record HistoryEntryView(Instant at, String fromStatus, String toStatus, String actorRole, String note) {

    static HistoryEntryView of(ReportHistoryEntry entry) {
        return new HistoryEntryView(entry.at, entry.fromStatus == null ? null : entry.fromStatus.name(),
                entry.toStatus.name(), entry.actorRole, entry.note);
    }
}
