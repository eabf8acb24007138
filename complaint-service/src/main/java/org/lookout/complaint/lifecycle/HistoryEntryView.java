package org.lookout.complaint.lifecycle;

import java.time.Instant;

import org.lookout.complaint.domain.NoteVisibility;
import org.lookout.complaint.domain.ReportHistoryEntry;

/**
 * One step of a report's history: which change, when, in which role, with the note given. A note entry has no status
 * change and a {@code noteVisibility}; the text of an INTERNAL note is left out for those who may not read it.
 */
public record HistoryEntryView(Instant at, String fromStatus, String toStatus, String actorRole, String note,
        String noteVisibility) {

    static HistoryEntryView of(ReportHistoryEntry entry, boolean readsInternalNotes) {
        boolean hidden = entry.noteVisibility == NoteVisibility.INTERNAL && !readsInternalNotes;
        return new HistoryEntryView(entry.at, entry.fromStatus == null ? null : entry.fromStatus.name(),
                entry.toStatus == null ? null : entry.toStatus.name(), entry.actorRole, hidden ? null : entry.note,
                entry.noteVisibility == null ? null : entry.noteVisibility.name());
    }
}
