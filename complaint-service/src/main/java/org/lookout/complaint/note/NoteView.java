package org.lookout.complaint.note;

import java.time.Instant;

import org.lookout.complaint.domain.ReportHistoryEntry;

/** A note on a report: when, by which role, who may read it, and its text. */
public record NoteView(long id, Instant at, String visibility, String authorRole, String text) {

    static NoteView of(ReportHistoryEntry entry) {
        return new NoteView(entry.id, entry.at, entry.noteVisibility.name(), entry.actorRole, entry.note);
    }
}
